/**
 * The pre-flight panel: one "Check" button, a progress bar while the checks run in parallel, each result
 * beside its check ("could not check" shown apart from "failed"), the take-aways and the ticket line.
 */
import { type MouseEvent, useEffect, useMemo, useState } from 'react';
import { findDkimSelectors } from '../../../core/preflight/dkim';
import { preflightFindings } from '../../../core/preflight/findings';
import { checkSubject } from '../../../core/preflight/run';
import { preflightTicketLine } from '../../../core/preflight/ticket-line';
import type { PreflightCheck, PreflightKind, PreflightResult } from '../../../core/preflight/types';
import type { Incident, Link } from '../../../core/types';
import type { Api } from '../../../electron/contract';
import { AbusixKeyField } from './AbusixKeyField';
import { KIND_TEXT, STATUS_TEXT, say } from './texts';
import { usePreflight } from './usePreflight';
import './preflight.css';

export interface PreflightPanelProps {
  api: Api['preflight'];
  incident: Incident;
  lang: 'fr' | 'en';
  /** Called once all checks have answered, with the results in plan order. */
  onResults?(results: PreflightResult[]): void;
  /** The pasted text, where a DKIM-Signature header gives the selector (s=) and domain (d=). */
  rawText?: string;
  /** Opens a link in the system browser, e.g. (url) => api.app.openExternal({ url }). */
  openLink?(url: string): void;
  now?: () => Date;
  /** The saved Abusix Mail Intelligence key ('' for none) and how to save a new one (the settings). */
  abusixKey?: string;
  onAbusixKey?(key: string): void;
}

const ORDER: PreflightKind[] = ['ptr', 'helo', 'spf', 'dmarc', 'dkim', 'dnsbl', 'cloudmark', 'orange-mx'];

function ResultLink({
  link,
  lang,
  openLink,
}: {
  link: Link;
  lang: 'fr' | 'en';
  openLink?: (url: string) => void;
}) {
  const open = (event: MouseEvent) => {
    if (!openLink) return;
    event.preventDefault();
    openLink(link.url);
  };
  return (
    <a href={link.url} onClick={open} rel="noreferrer" className="external">
      {link.label[lang]}
    </a>
  );
}

function CheckRow(props: {
  check: PreflightCheck;
  result: PreflightResult | undefined;
  lang: 'fr' | 'en';
  openLink?: (url: string) => void;
}) {
  const { check, result, lang } = props;
  const status = result?.status ?? 'pending';
  return (
    <li className="preflight-row" data-check-id={check.id} data-status={status}>
      <span className={`preflight-status preflight-status--${status}`}>{STATUS_TEXT[lang][status]}</span>
      <span className="preflight-subject">{result?.subject ?? checkSubject(check)}</span>
      {result ? <p className="preflight-summary">{result.summary[lang]}</p> : null}
      {result && result.details.length > 0 ? (
        <ul className="preflight-details">
          {result.details.map((detail) => (
            <li key={detail.en}>{detail[lang]}</li>
          ))}
        </ul>
      ) : null}
      {result && result.links.length > 0 ? (
        <p className="preflight-links">
          {result.links.map((link) => (
            <ResultLink key={link.url} link={link} lang={lang} openLink={props.openLink} />
          ))}
        </p>
      ) : null}
    </li>
  );
}

export function PreflightPanel({
  api,
  incident,
  lang,
  onResults,
  rawText,
  openLink,
  now,
  abusixKey,
  onAbusixKey,
}: PreflightPanelProps) {
  const { state, start, reset } = usePreflight(api, onResults);
  const found = useMemo(() => findDkimSelectors(rawText ?? '')[0] ?? null, [rawText]);
  const [selector, setSelector] = useState('');
  const [dkimDomain, setDkimDomain] = useState('');
  const identity = JSON.stringify([
    incident.sendingIps,
    incident.sendingHosts,
    incident.sendingDomain,
    found,
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new incident (by its fields) discards old results.
  useEffect(() => {
    reset();
  }, [identity, reset]);

  const hasSubject =
    incident.sendingIps.length > 0 || incident.sendingHosts.length > 0 || !!incident.sendingDomain;
  const typedDkim = selector.trim()
    ? { selector: selector.trim(), domain: (dkimDomain.trim() || incident.sendingDomain) ?? '' }
    : null;
  const dkim = found ?? (typedDkim?.domain ? typedDkim : null);
  const run = () =>
    start({
      sendingIps: incident.sendingIps,
      sendingHosts: incident.sendingHosts,
      sendingDomain: incident.sendingDomain,
      dkim,
    });

  const done = Object.keys(state.results).length;
  const total = state.checks.length;
  const ordered = state.checks
    .map((check) => state.results[check.id])
    .filter((r): r is PreflightResult => !!r);
  const finished = !state.running && total > 0 && done === total;
  const findings = finished ? preflightFindings(ordered) : [];
  const ticketLine = finished ? preflightTicketLine(ordered, lang, (now ?? (() => new Date()))()) : null;
  const groups = ORDER.map((kind) => ({
    kind,
    checks: state.checks.filter((check) => check.kind === kind),
  })).filter((group) => group.checks.length > 0);

  return (
    <section className="panel preflight" aria-labelledby="preflight-title" data-slot="preflight">
      <header className="panel-header">
        <h2 id="preflight-title">{say(lang, 'title')}</h2>
        <div className="panel-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={run}
            disabled={state.running || !hasSubject}
          >
            {state.running ? say(lang, 'running') : total > 0 ? say(lang, 'checkAgain') : say(lang, 'check')}
          </button>
        </div>
      </header>
      <p className="hint">{hasSubject ? say(lang, 'intro') : say(lang, 'nothing')}</p>
      {found ? (
        <p className="hint">{say(lang, 'dkimFound', { selector: found.selector, domain: found.domain })}</p>
      ) : (
        <div className="preflight-dkim">
          <label>
            {say(lang, 'dkimSelector')}
            <input
              className="input input--short"
              value={selector}
              onChange={(event) => setSelector(event.target.value)}
            />
          </label>
          <label>
            {say(lang, 'dkimDomain')}
            <input
              className="input input--short"
              value={dkimDomain}
              placeholder={incident.sendingDomain ?? ''}
              onChange={(event) => setDkimDomain(event.target.value)}
            />
          </label>
        </div>
      )}
      {onAbusixKey ? <AbusixKeyField value={abusixKey ?? ''} lang={lang} onSave={onAbusixKey} /> : null}
      {state.planFailed ? (
        <p className="hint" role="alert">
          {say(lang, 'planFailed')}
        </p>
      ) : null}
      {total > 0 ? (
        <div className="progress">
          <div
            className="progress-bar"
            role="progressbar"
            aria-label={say(lang, 'progressLabel')}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={done}
            aria-valuetext={say(lang, 'progress', { done, total })}
          >
            <div className="progress-fill" style={{ width: `${Math.round((done / total) * 100)}%` }} />
          </div>
          <p className="progress-text">{say(lang, 'progress', { done, total })}</p>
        </div>
      ) : null}
      {groups.map((group) => (
        <section key={group.kind} className="preflight-group" aria-label={KIND_TEXT[lang][group.kind]}>
          <h3>{KIND_TEXT[lang][group.kind]}</h3>
          <ul className="preflight-list">
            {group.checks.map((check) => (
              <CheckRow
                key={check.id}
                check={check}
                result={state.results[check.id]}
                lang={lang}
                openLink={openLink}
              />
            ))}
          </ul>
        </section>
      ))}
      {findings.length > 0 ? (
        <section className="preflight-findings" aria-label={say(lang, 'findings')}>
          <h3>{say(lang, 'findings')}</h3>
          <ul>
            {findings.map((finding) => (
              <li key={finding.en}>{finding[lang]}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {ticketLine ? (
        <section className="preflight-ticket" aria-label={say(lang, 'ticketLine')}>
          <h3>{say(lang, 'ticketLine')}</h3>
          <p>{ticketLine}</p>
        </section>
      ) : null}
    </section>
  );
}
