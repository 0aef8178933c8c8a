/**
 * Orange's reply inside text no known wording introduces (a webmail's error, a status line cut before
 * its host, a sentence or quotes around it): its token says it is Orange's; it is read from its code to
 * the bracketed reason. Tokens that are only named (in prose, in a link) make no incident.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import type { Incident } from '../../core/types';

const dir = fileURLToPath(new URL('../fixtures/extract/orange-embedded/', import.meta.url));

async function read(name: string): Promise<Incident[]> {
  return (await extract(readFileSync(`${dir}${name}`, 'utf8'))).incidents;
}

const TOO_MANY =
  'Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down.';

describe("Orange's reply inside other text", () => {
  it("reads it from Roundcube's error, with the refused recipient's domain", async () => {
    const [i, more] = await read('roundcube-add-recipient.txt');
    expect(more).toBeUndefined();
    expect(i?.reply).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    });
    expect(i?.orange).toEqual({ token: 'OFR_416', reason: 416, server: null });
    expect(i?.recipientDomain).toBe('orange.fr');
  });

  it('reads a Postfix status cut before its host, wrapped over two lines, from the line of its code', async () => {
    const [i] = await read('postfix-status-cut-wrapped.txt');
    expect(i?.reply).toEqual({
      code: 421,
      enhanced: null,
      text: `421 mwinf5c79 ME ${TOO_MANY} OFR005_104 [104]`,
    });
    expect(i?.orange).toEqual({ token: 'OFR005_104', reason: 104, server: 'mwinf5c79' });
    expect(i?.sources.reply?.line).toBe(1);
  });

  it('reads it between guillemets in a French post, without the words around it', async () => {
    const incidents = await read('forum-guillemets-fr.txt');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe(`421 mwinf5c42 ME ${TOO_MANY} OFR004_104 [104]`);
    expect(incidents[0]?.sources.reply?.line).toBe(3);
  });

  it('reads it between single quotes after a sentence', async () => {
    const [i] = await read('quoted-single.txt');
    expect(i?.reply.text).toBe(`421 mwinf5c42 ME ${TOO_MANY} OFR004_104 [104]`);
    expect(i?.orange?.reason).toBe(104);
  });

  it('reads the wording and token without a code: no code, the reason from the token', async () => {
    const [i] = await read('wording-without-code.txt');
    expect(i?.reply).toEqual({ code: null, enhanced: null, text: `${TOO_MANY} OFR102_104 [104]` });
    expect(i?.orange?.reason).toBe(104);
  });

  it('makes no incident of tokens named in prose or in a link', async () => {
    const result = await extract(readFileSync(`${dir}codes-listed-not-a-reply.txt`, 'utf8'));
    expect(result.incidents).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('input.no-incident');
  });

  it('reads each of several replies in one paragraph once', async () => {
    const text = `Hier : "421 mwinf5c42 ME ${TOO_MANY} OFR004_104 [104]", puis ce matin : "550 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_103 [103]".`;
    const incidents = (await extract(text)).incidents;
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR004_104', 'OFR006_103']);
    expect(incidents[1]?.reply.text).toBe(
      '550 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_103 [103]',
    );
  });
});
