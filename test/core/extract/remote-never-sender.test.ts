/**
 * Whatever wording seems to name the client, the remote's own address and name never end up in the
 * sending fields: here a user pasted Exim's notice and, right under it, the `H=` part of the log line,
 * Exim's way of naming the remote, which reads like the client wording some filters quote.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';

const paste = [
  '  jean.dupont@orange.fr',
  '    host smtp-in.orange.fr [193.252.22.65]',
  '    SMTP error from remote mail server after RCPT TO:<jean.dupont@orange.fr>:',
  '    550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
  'H=smtp-in.orange.fr [193.252.22.65]',
  '',
].join('\n');

describe("the remote's address and name", () => {
  it('are the remote side only, never a sending IP or host', async () => {
    const [incident] = (await extract(paste)).incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.sendingHosts).toEqual([]);
    expect(incident?.sources.sendingIps).toBeUndefined();
  });
});
