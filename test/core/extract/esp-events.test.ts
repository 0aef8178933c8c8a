/**
 * ESP events as their webhooks send them, after an audit of real payloads (django-anymail's and
 * symfony/mailer's webhook fixtures, the providers' documented samples). Fixtures and their shapes:
 * test/fixtures/extract/esp/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';

const dir = fileURLToPath(new URL('../../fixtures/extract/esp/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('SendGrid', () => {
  it('reads a pretty-printed bounce: its bounce_classification does not make it a KumoMTA log', async () => {
    const { incidents } = await extract(fixture('sendgrid-bounce-pretty.json'));
    expect(incidents).toHaveLength(1);
    const i = incidents[0];
    expect(i?.format).toBe('json-event');
    expect(i?.reply.code).toBe(550);
    expect(i?.orange?.reason).toBe(103);
    expect(i?.sendingIps).toEqual(['198.51.100.27']);
    expect(i?.occurredAt).toBe('2024-11-29T09:07:25+00:00');
    expect(i?.sources.reply?.line).toBe(12);
  });
});
