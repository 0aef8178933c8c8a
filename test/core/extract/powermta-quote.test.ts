/**
 * PowerMTA's dsnDiag cell pasted alone: when PowerMTA bounced a whole queue after a remote's reply, the cell
 * is its own diagnostic quoting that reply (`x-pmta;bounce-queue;reply:550 ...`, the shape a deliverability
 * tool's table of PowerMTA diagnostics lists). The remote's code is read, as from the accounting file.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { withoutPowerMtaQuote } from '../../../core/extract/powermta-quote';

const options = { now: new Date('2026-12-06T12:00:00Z') };

describe("PowerMTA's quote of a remote's reply, pasted", () => {
  it('reads the code of a cell copied alone', async () => {
    const { incidents } = await extract(
      'x-pmta;bounce-queue;reply:550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR_506 [506]\n',
      options,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({ code: 550, enhanced: '5.7.1' });
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR_506', reason: 506 });
  });

  it('reads it quoted in a mail to a colleague, with CRLF line ends', async () => {
    const mail = [
      'Bonjour,',
      '',
      'Depuis ce matin PowerMTA met en file tous nos envois vers orange.fr, voici le dsnDiag du fichier',
      "d'accounting :",
      '',
      '> x-pmta;bounce-queue;reply:421 mwinf5c21 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
      '',
      'Merci,',
      'Julie',
    ].join('\r\n');
    const { incidents } = await extract(mail, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.code).toBe(421);
    expect(incidents[0]?.orange).toMatchObject({ token: 'OFR005_104', reason: 104, server: 'mwinf5c21' });
    expect(incidents[0]?.sources.reply?.line).toBe(6);
  });

  it("takes off only PowerMTA's start before a reply code, at a line's start", () => {
    const text = 'see x-pmta;bounce-queue;reply:550 in the log\nx-pmta;bounce-queue;no reply\n';
    expect(withoutPowerMtaQuote(text)).toBe(text);
    expect(withoutPowerMtaQuote('  > X-PMTA;bounce-queue;reply: 550 x\n')).toBe('  > 550 x\n');
  });
});
