import { readFileSync } from 'node:fs';
import { extract } from '../../../../core/extract';
import { createLineSplitter, createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import type { Incident } from '../../../../core/types';
import { NOW } from './fixture';

/**
 * Logstash's `rubydebug` output saved to a file (its stdout while debugging a mail pipeline): each event
 * printed over several lines as Ruby's inspect, `"message" => "Mar 14 11:12:01 mta1 postfix/smtp..."`.
 * The log scanner (summarize, the Large logs tab) reads the Postfix line each event wraps, as the paste
 * reader does (logs/pretty-record.ts).
 */
const text = readFileSync(
  new URL('../../../fixtures/extract/loose32/logstash-rubydebug-postfix-orange-102.txt', import.meta.url),
  'utf8',
);

const fields = (incidents: Incident[]) =>
  incidents.map((i) => [
    i.occurredAt,
    i.sendingHosts,
    i.sendingDomain,
    i.recipientDomain,
    i.remoteIp,
    i.reply,
  ]);

describe('rubydebug events read by the log scanner', () => {
  it('reads the Postfix line of each event: the refusal, with the sender of its queue id', () => {
    const { incidents } = scanLogText(text, { now: NOW });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      format: 'postfix',
      sendingHosts: ['mta1'],
      sendingDomain: 'lettre-exemple.fr',
      recipientDomain: 'orange.fr',
      remoteHost: 'smtp-in.orange.fr',
      remoteIp: '193.252.22.84',
      orange: { token: 'OFR004_102', reason: 102, server: 'mwinf5c79' },
    });
  });

  it('gives what the paste reader gives, in one chunk, in chunks or line by line', async () => {
    const pasted = fields((await extract(text, { now: NOW })).incidents);
    expect(fields(scanLogText(text, { now: NOW }).incidents)).toEqual(pasted);
    const byText = createLogScanner({ now: NOW });
    for (let i = 0; i < text.length; i += 61) byText.pushText(text.slice(i, i + 61));
    expect(fields(byText.finish().incidents)).toEqual(pasted);
    const byLines = createLogScanner({ now: NOW });
    const splitter = createLineSplitter((line, n) => byLines.push(line, n));
    splitter.push(text);
    splitter.end();
    expect(fields(byLines.finish().incidents)).toEqual(pasted);
  });
});
