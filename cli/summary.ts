/**
 * The readable (non-JSON) output of `extract`: one block per incident, then the warnings, in French or
 * English.
 */
import { advise } from '../core/orange';
import type { ExtractionResult, Incident, Lang } from '../core/types';

const LABELS = {
  en: {
    count: (n: number) => (n === 1 ? '1 incident' : `${n} incidents`),
    incident: 'Incident',
    notOrange: 'not Orange',
    orangeNoToken: 'Orange (no token in the reply)',
    noToken: 'no token',
    reason: 'reason',
    server: 'server',
    code: 'code',
    enhanced: 'enhanced',
    notFound: '(not found)',
    fields: {
      date: 'date',
      reply: 'reply',
      ips: 'sending IPs',
      hosts: 'sending hosts',
      domain: 'sending domain',
      recipient: 'recipient domain',
      remote: 'rejected by',
      trigger: 'likely trigger',
      assumption: 'assumption',
      next: 'next step',
    },
    line: 'line',
    warnings: 'Warnings:',
  },
  fr: {
    count: (n: number) => (n === 0 ? 'aucun incident' : n === 1 ? '1 incident' : `${n} incidents`),
    incident: 'Incident',
    notOrange: 'pas Orange',
    orangeNoToken: 'Orange (aucun code OFR dans la réponse)',
    noToken: 'aucun code OFR',
    reason: 'motif',
    server: 'serveur',
    code: 'code',
    enhanced: 'code étendu',
    notFound: '(aucune valeur trouvée)',
    fields: {
      date: 'date',
      reply: 'réponse',
      ips: 'IP d’envoi',
      hosts: 'hôtes d’envoi',
      domain: 'domaine d’envoi',
      recipient: 'domaine destinataire',
      remote: 'refusé par',
      trigger: 'déclencheur probable',
      assumption: 'hypothèse',
      next: 'étape suivante',
    },
    line: 'ligne',
    warnings: 'Avertissements\u00a0:',
  },
} as const;

type Labels = (typeof LABELS)[Lang];

/**
 * Writes `  label: value` lines, the labels padded to one column (French needs its space before the colon).
 */
function fieldWriter(labels: Labels, lang: Lang): (name: keyof Labels['fields'], text: string) => string {
  const colon = lang === 'fr' ? '\u00a0:' : ':';
  const width = Math.max(...Object.values(labels.fields).map((l) => l.length)) + colon.length + 1;
  return (name, text) => `  ${`${labels.fields[name]}${colon}`.padEnd(width)}${text}`;
}

function orangeLine(i: Incident, l: Labels): string {
  if (!i.orange) return i.isOrange ? l.orangeNoToken : l.notOrange;
  const parts = [
    i.orange.token ?? l.noToken,
    i.orange.reason !== null ? `${l.reason} ${i.orange.reason}` : null,
  ];
  if (i.orange.server) parts.push(`${l.server} ${i.orange.server}`);
  return `Orange ${parts.filter(Boolean).join(', ')}`;
}

export function formatSummary(result: ExtractionResult, label?: string, lang: Lang = 'en'): string {
  const pieces: string[] = [];
  writeSummary((text) => pieces.push(text), result, label, lang);
  return pieces.join('');
}

/** Lines gathered up to this many characters before each write. */
const CHUNK = 1 << 20;

/**
 * formatSummary's text written in pieces of about a megabyte: the summary of a log's hundred thousand
 * refusals, as one string, could pass V8's limit on a string's length.
 */
export function writeSummary(
  write: (text: string) => void,
  result: ExtractionResult,
  label?: string,
  lang: Lang = 'en',
): void {
  const l = LABELS[lang];
  const field = fieldWriter(l, lang);
  const value = (v: string | null | string[]) =>
    Array.isArray(v) ? (v.length > 0 ? v.join(', ') : l.notFound) : (v ?? l.notFound);
  let lines: string[] = [];
  let length = 0;
  /** Writes the lines gathered, each followed by a line break, when they make a megabyte (or at the end). */
  const flush = (last: boolean) => {
    if (!last && length < CHUNK) return;
    if (lines.length > 0) write(`${lines.join('\n')}\n`);
    lines = [];
    length = 0;
  };
  if (label) lines.push(`== ${label}`);
  lines.push(l.count(result.incidents.length));
  result.incidents.forEach((i, n) => {
    flush(false);
    const before = lines.length;
    // The codes read, beside the reply's own text (which usually starts with them).
    const codes = `${l.code} ${i.reply.code ?? l.notFound}${i.reply.enhanced ? `, ${l.enhanced} ${i.reply.enhanced}` : ''}`;
    lines.push(
      '',
      `${l.incident} ${n + 1} (${i.format})${lang === 'fr' ? '\u00a0:' : ':'} ${orangeLine(i, l)}`,
      field('date', value(i.occurredAt)),
      field('reply', `${i.reply.text || l.notFound} (${codes})`),
      field('ips', value(i.sendingIps)),
      field('hosts', value(i.sendingHosts)),
      field('domain', value(i.sendingDomain)),
      field('recipient', value(i.recipientDomain)),
      field('remote', `${value(i.remoteHost)}${i.remoteIp ? ` [${i.remoteIp}]` : ''}`),
    );
    if (i.trigger)
      lines.push(
        field('trigger', `${l.line} ${i.trigger.line}${lang === 'fr' ? '\u00a0:' : ':'} ${i.trigger.text}`),
      );
    for (const a of i.assumptions) lines.push(field('assumption', a.text[lang]));
    lines.push(field('next', advise(i, { incidents: result.incidents }).summary[lang]));
    for (let k = before; k < lines.length; k++) length += (lines[k] as string).length + 1;
  });
  if (result.warnings.length > 0) {
    lines.push('', l.warnings);
    for (const w of result.warnings) lines.push(`  - ${w.text[lang]}`);
  }
  flush(true);
}
