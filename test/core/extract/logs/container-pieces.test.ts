/**
 * Postfix and Exim lines as container runtimes store them: Kubernetes' CRI files (`<time> stdout F|P
 * <line>`, `P` for a piece whose line goes on in the next record) and Docker's json-file objects (a
 * piece's `log` without its final `\n`). Shapes in test/fixtures/extract/logs2/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../../../../core/extract';
import { createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/extract/logs2/${name}`, import.meta.url)), 'utf8');

const ORANGE_102 = {
  sendingIps: ['203.0.113.25'],
  sendingHosts: ['mail-7c9f'],
  sendingDomain: 'example.com',
  recipientDomain: 'orange.fr',
  remoteIp: '193.252.22.65',
  orange: { token: 'OFR006_102', reason: 102 },
};

describe("CRI log files (Kubernetes' containerd)", () => {
  const text = fixture('cri-postfix.log');
  const result = scanLogText(text, { now: NOW });

  it('joins a line written in pieces (P, then F) before reading it: the whole reply, its token', () => {
    expect(at(result, 2)).toMatchObject({ ...ORANGE_102, occurredAt: '2026-12-05T10:04:31Z' });
    expect(at(result, 2).reply.text.endsWith('[102]')).toBe(true);
    expect(result.incidents).toHaveLength(2);
  });

  it('strips the prefix of a whole line (F) without a syslog stamp behind it', () => {
    expect(at(result, 4)).toMatchObject({
      occurredAt: '2026-12-05T10:05:02Z',
      recipientDomain: 'wanadoo.fr',
      orange: { token: 'OFR005_104' },
    });
  });

  it('gives the same when the file comes in small chunks', () => {
    const scanner = createLogScanner({ now: NOW });
    for (let i = 0; i < text.length; i += 37) scanner.pushText(text.slice(i, i + 37));
    const chunked = scanner.finish();
    expect(chunked.incidents.map((i) => [i.sources.reply?.line, i.orange?.token])).toEqual(
      result.incidents.map((i) => [i.sources.reply?.line, i.orange?.token]),
    );
  });

  it('keeps, pasted, the blank the kubelet cut the line at (the paste loses no space between pieces)', async () => {
    const { incidents } = await extract(text, { now: NOW });
    const scanned = result.incidents.map((i) => i.reply.text);
    expect(incidents.map((i) => i.reply.text)).toEqual(scanned);
    expect(incidents[0]?.reply.text).toContain('incident de spam. Client host blocked');
  });

  it('reads a piece whose rest never came as it is', () => {
    const cut = text.split('\n').slice(0, 2).join('\n');
    const alone = scanLogText(cut, { now: NOW });
    expect(alone.incidents).toHaveLength(1);
    expect(alone.incidents[0]?.reply.text).toMatch(/incident de spam\.$/);
  });
});

describe("Docker's json-file log", () => {
  const text = fixture('docker-json-postfix-exim.log');

  it("joins a line written as several objects, Postfix's and Exim's lines read", () => {
    const result = scanLogText(text, { now: NOW });
    expect(at(result, 2)).toMatchObject(ORANGE_102);
    expect(at(result, 5)).toMatchObject({ sendingIps: ['203.0.113.40'], orange: { token: 'OFR006_100' } });
    expect(result.incidents).toHaveLength(2);
  });

  it('does the same when the paste is read as JSON values at once', async () => {
    const { incidents } = await extract(text, { now: NOW });
    expect(incidents.map((i) => i.orange?.token)).toEqual(['OFR006_102', 'OFR006_100']);
    expect(incidents[0]).toMatchObject(ORANGE_102);
  });
});

describe('Container prefixes before other lines', () => {
  it("strips CRI-O's prefix, whose time carries the node's offset instead of Z", () => {
    const result = scanLogText(fixture('crio-postfix-offset.log'), { now: NOW });
    expect(at(result, 2)).toMatchObject({ ...ORANGE_102, occurredAt: '2026-12-05T06:04:31-04:00' });
  });

  it("strips the prefix before Exim's main log lines, which Exim's own stamp dates", () => {
    const exim = scanLogText(fixture('cri-exim.log'), { now: NOW });
    expect(exim.incidents).toHaveLength(1);
    expect(at(exim, 2)).toMatchObject({
      occurredAt: '2026-12-05T10:06:12+00:00',
      sendingIps: ['203.0.113.40'],
      sendingDomain: 'example.org',
      remoteIp: '193.252.22.65',
      orange: { token: 'OFR006_100' },
    });
  });
});
