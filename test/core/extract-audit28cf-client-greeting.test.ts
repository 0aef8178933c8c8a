/**
 * A refusal from the public corpus of PHP-Bounce-Handler that greets the client by its address,
 * reshaped (test/fixtures/extract/audit28cf/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit28cf/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('a refusal greeting the client (`Hi [IP], No such address`)', () => {
  it('takes the greeted address for the sending IP, not the remote’s', async () => {
    const { incidents } = await extract(fixture('exim-refusal-greets-client.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.reply.text).toBe(
      '550 5.1.1 Hi [203.0.113.111], No such address: <lucia.perez@cable-sur.example>.',
    );
    expect(incident?.remoteIp).toBe('198.51.100.226');
    expect(incident?.sendingIps).toEqual(['203.0.113.111']);
    expect(incident?.sendingDomain).toBe('club-tango.example');
  });
});
