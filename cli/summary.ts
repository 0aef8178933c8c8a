/** The readable (non-JSON) output of `extract`: one block per incident, then the warnings. */
import { advise } from '../core/orange';
import type { ExtractionResult, Incident } from '../core/types';

function orangeLine(i: Incident): string {
  if (!i.orange) return i.isOrange ? 'Orange (no token in the reply)' : 'not Orange';
  const parts = [i.orange.token ?? 'no token', i.orange.reason !== null ? `reason ${i.orange.reason}` : null];
  if (i.orange.server) parts.push(`server ${i.orange.server}`);
  return `Orange ${parts.filter(Boolean).join(', ')}`;
}

function value(v: string | null | string[]): string {
  if (Array.isArray(v)) return v.length > 0 ? v.join(', ') : '(not found)';
  return v ?? '(not found)';
}

export function formatSummary(result: ExtractionResult, label?: string): string {
  const lines: string[] = [];
  if (label) lines.push(`== ${label}`);
  lines.push(`${result.incidents.length} incident(s)`);
  result.incidents.forEach((i, n) => {
    // The codes read, beside the reply's own text (which usually starts with them).
    const codes = `code ${i.reply.code ?? 'not found'}${i.reply.enhanced ? `, enhanced ${i.reply.enhanced}` : ''}`;
    lines.push(
      '',
      `Incident ${n + 1} (${i.format}): ${orangeLine(i)}`,
      `  date:             ${value(i.occurredAt)}`,
      `  reply:            ${i.reply.text || '(not found)'} (${codes})`,
      `  sending IPs:      ${value(i.sendingIps)}`,
      `  sending hosts:    ${value(i.sendingHosts)}`,
      `  sending domain:   ${value(i.sendingDomain)}`,
      `  recipient domain: ${value(i.recipientDomain)}`,
      `  rejected by:      ${value(i.remoteHost)}${i.remoteIp ? ` [${i.remoteIp}]` : ''}`,
    );
    if (i.trigger) lines.push(`  likely trigger:   line ${i.trigger.line}: ${i.trigger.text}`);
    for (const a of i.assumptions) lines.push(`  assumption:       ${a.text.en}`);
    lines.push(`  next step:        ${advise(i, { incidents: result.incidents }).summary.en}`);
  });
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of result.warnings) lines.push(`  - ${w.text.en}`);
  }
  return `${lines.join('\n')}\n`;
}
