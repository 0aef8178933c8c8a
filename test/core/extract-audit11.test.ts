/**
 * Eleventh round of real input: logs as containers and log tools print them, refusals as mail clients
 * show them, and large providers' refusals. Fixtures and their sources: test/fixtures/extract/audit11/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/audit11/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("what a user's redaction leaves", () => {
  it('leaves empty the domains masked with y’s and z’s, and keeps the reply', async () => {
    const { incidents } = await extract(fixture('sympa-redacted-yyyy-zzzz.txt'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.reply).toMatchObject({ code: 550, enhanced: '5.7.1', text: '550 5.7.1 Policy reason' });
    // `xxxx@yyyy.fr` and `mxd.relay.zzzz.fr` name nothing a ticket could use.
    expect(i?.recipientDomain).toBeNull();
    expect(i?.remoteHost).toBeNull();
  });
});
