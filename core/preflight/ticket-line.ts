/**
 * The one line the ticket may carry about the checks, e.g. « DNS inverse et SPF vérifiés le 29/11/2026 à
 * 10:15 UTC : … ». It states only what passed; null when neither reverse DNS nor SPF passed everywhere.
 */
import type { Lang } from '../types';
import type { PreflightResult } from './types';

function utcStamp(date: Date, lang: Lang): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
  return lang === 'fr' ? `${day} à ${time}` : `${date.toISOString().slice(0, 10)} ${time}`;
}

function allOk(results: readonly PreflightResult[]): boolean {
  return results.length > 0 && results.every((result) => result.status === 'ok');
}

export function preflightTicketLine(
  results: readonly PreflightResult[],
  lang: Lang,
  date: Date,
): string | null {
  const ptr = results.filter((result) => result.kind === 'ptr');
  const spf = results.filter((result) => result.kind === 'spf');
  const ptrOk = allOk(ptr);
  const spfOk = allOk(spf);
  if (!ptrOk && !spfOk) return null;
  const fr = lang === 'fr';
  const parts: string[] = [];
  if (ptrOk) {
    for (const result of ptr) {
      const name = result.facts.kind === 'ptr' ? result.facts.confirmed[0] : undefined;
      parts.push(
        fr
          ? `${result.subject} (PTR ${name}, confirmé)`
          : `${result.subject} (PTR ${name}, forward-confirmed)`,
      );
    }
  }
  if (spfOk) {
    const domains = [
      ...new Set(spf.map((result) => (result.facts.kind === 'spf' ? result.facts.domain : result.subject))),
    ];
    const ips = spf.map((result) => (result.facts.kind === 'spf' ? result.facts.ip : '')).join(', ');
    parts.push(
      fr ? `SPF pass pour ${domains.join(', ')} (${ips})` : `SPF pass for ${domains.join(', ')} (${ips})`,
    );
  }
  const dmarc = results.find(
    (result) => result.kind === 'dmarc' && result.status !== 'failed' && result.status !== 'could-not-check',
  );
  if (dmarc && dmarc.facts.kind === 'dmarc') parts.push(`DMARC p=${dmarc.facts.policy}`);
  const lists = results.filter(
    (result) => result.kind === 'dnsbl' && result.facts.kind === 'dnsbl' && result.facts.listed !== null,
  );
  if (lists.length > 0 && lists.every((result) => result.status === 'ok')) {
    const names = [...new Set(lists.map((result) => result.subject.split(' @ ')[1] ?? ''))].join(', ');
    parts.push(fr ? `aucune inscription sur ${names}` : `not listed on ${names}`);
  }
  const label = {
    fr: ['DNS inverse et SPF vérifiés', 'DNS inverse vérifié', 'SPF vérifié'],
    en: ['Reverse DNS and SPF verified', 'Reverse DNS verified', 'SPF verified'],
  };
  const what = label[lang][ptrOk && spfOk ? 0 : ptrOk ? 1 : 2];
  // French colon after a no-break space, as in the ticket's own sentences (core/ticket/catalog.ts).
  const colon = fr ? ' : ' : ': ';
  return `${what} ${fr ? 'le' : 'on'} ${utcStamp(date, lang)}${colon}${parts.join(', ')}.`;
}
