/**
 * Exchange NDRs with a filtering gateway on the way (test/fixtures/extract/gateway-ndr/SOURCES.md): the
 * servers the NDR passed through to reach the sender's mailbox (Mimecast inbound, the company's own
 * Exchange) are never the sending host; read right before, kept as tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/gateway-ndr/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('an Exchange NDR behind a gateway', () => {
  it('Exchange Online, delivered through Mimecast: the generating server sends, not the inbound path', async () => {
    const { incidents } = await read('exchange-online-ndr-via-mimecast-inbound.eml');
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingHosts).toEqual(['am9pr01mb7412.eurprd01.prod.exchangelabs.com']);
    expect(incident?.sendingIps).toEqual(['203.0.113.105']);
    expect(incident?.orange?.reason).toBe(103);
    for (const inbound of [
      'exch01.boutique-durand.example',
      'exch02.boutique-durand.example',
      'eu-smtp-inbound-1.mimecast.com',
    ])
      expect(incident?.sendingHosts).not.toContain(inbound);
    expect(incident?.sendingIps).not.toContain('198.51.100.140');
  });

  it('on-premises Exchange relaying through Proofpoint: the relay is the remote, the IP Orange names sends', async () => {
    const { incidents } = await read('exchange-onprem-ndr-proofpoint-outbound.eml');
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.sendingIps).toEqual(['203.0.113.150']);
    expect(incident?.sendingHosts).not.toContain('exch02.boutique-durand.example');
    expect(incident?.orange?.reason).toBe(103);
  });
});
