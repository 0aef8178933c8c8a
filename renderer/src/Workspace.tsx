/**
 * The main screen: the pasted text on the left; on the right what Orange said and what to do, the fields,
 * the pre-flight checks and the ticket. Also the History and Large log views, the help and the commands.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { refusedElsewhere } from '../../core/orange/other-provider';
import { preflightTicketLine } from '../../core/preflight/ticket-line';
import type { PreflightResult } from '../../core/preflight/types';
import type { Incident, Lang, SourceRef } from '../../core/types';
import type { Settings } from '../../electron/contract/app';
import type { HistoryRecord } from '../../electron/services/history/schema';
import { MAX_RAW_TEXT } from '../../electron/services/history/schema';
import { useServices } from './api/services';
import { AdviceCard } from './components/AdviceCard';
import { ContextFields } from './components/ContextFields';
import { ExtractionStatus } from './components/ExtractionStatus';
import type { OnSource } from './components/FieldParts';
import { FieldsForm } from './components/FieldsForm';
import { HelpPanel } from './components/HelpPanel';
import { IncidentList } from './components/IncidentList';
import { NOTHING_REPLACED, useNotify, useWithdrawNotices } from './components/Notices';
import { PartBoundary } from './components/PartBoundary';
import { SourcePanel } from './components/SourcePanel';
import { ORANGE_POSTMASTER_URL, TicketPanel } from './components/TicketPanel';
import { TopBar, type View } from './components/TopBar';
import { useCopy } from './components/useCopy';
import { HistoryView, RecurrenceHint } from './history';
import { useI18n } from './i18n';
import { LargeLogView } from './logs/LargeLogView';
import { PreflightPanel } from './preflight';
import { rawForHistory } from './session/rawForHistory';
import { readSourcesOnly } from './session/readSourcesOnly';
import { currentIncident } from './session/reducer';
import { useSession } from './session/useSession';
import { citedAsPasted } from './source/citedAsPasted';
import { type Command, useCommands } from './useCommands';

const PREFLIGHT_SCAN_CHARS = 256_000;

const pick = ({ subject, body }: { subject: string; body: string }) => ({ subject, body });

interface Props {
  settings: Settings;
  update(changes: Partial<Settings>, delayed?: boolean): void;
}

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT');

export function Workspace({ settings, update }: Props) {
  const { api, engine } = useServices();
  const { t } = useI18n();
  const notify = useNotify();
  const withdraw = useWithdrawNotices();
  const { copy } = useCopy();
  const { state, dispatch, setText, recovery } = useSession();
  // A source line cited as the user pasted it (its curly quotes too), where it matches the cited one exactly.
  const asPasted = useCallback(
    (ref: SourceRef): SourceRef =>
      state.lines ? { ...ref, text: citedAsPasted(state.text, state.lines, ref.line, ref.text) } : ref,
    [state.text, state.lines],
  );
  const [view, setView] = useState<View>('incident');
  const [help, setHelp] = useState(false);
  const [pointed, setPointed] = useState<{
    line: number | null;
    mark: string | null;
    /** The field that pointed (null: the trigger's line, pointed from the notes). */
    field: string | null;
    run: number;
    selected: number;
  } | null>(null);
  const [openRequest, setOpenRequest] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);
  const pasteArea = useRef<HTMLTextAreaElement>(null);
  const main = useRef<HTMLElement>(null);

  const incident = currentIncident(state);
  const all = useMemo(() => state.groups.flatMap((g) => g.occurrences), [state.groups]);
  const checks = useMemo(() => (incident ? engine.check(incident) : null), [engine, incident]);
  const advice = useMemo(() => (incident ? engine.advise(incident, all) : null), [engine, incident, all]);
  const ticketIncidents = useMemo(
    () => (state.allInTicket ? state.edited : incident ? [incident] : []),
    [state.allInTicket, state.edited, incident],
  );
  const context = settings.ticketContext;
  // Pre-flight results belong to the incident on screen; the ticket may carry their one-line summary.
  const [preflight, setPreflight] = useState<{
    results: PreflightResult[];
    at: Date;
    run: number;
    selected: number;
  } | null>(null);
  const [withPreflight, setWithPreflight] = useState(true);
  const checksDone =
    preflight && preflight.run === state.run && preflight.selected === state.selected ? preflight : null;
  const tickets = useMemo(() => {
    if (ticketIncidents.length === 0) return null;
    const make = (lang: Lang) => {
      const line =
        checksDone && withPreflight ? preflightTicketLine(checksDone.results, lang, checksDone.at) : null;
      return engine.ticket({ incidents: ticketIncidents, context, lang, preflightLine: line });
    };
    return { fr: make('fr'), en: make('en') };
  }, [engine, ticketIncidents, context, checksDone, withPreflight]);
  const preflightLineAvailable = checksDone
    ? preflightTicketLine(checksDone.results, 'fr', checksDone.at) !== null
    : false;

  // The highlighted source line belongs to one incident of one paste.
  const current =
    pointed && pointed.run === state.run && pointed.selected === state.selected ? pointed : null;
  const highlight = current?.line ?? null;
  const setHighlight: OnSource = (line, mark, from) => {
    const next = {
      line,
      mark: mark ?? null,
      field: from?.field ?? null,
      run: state.run,
      selected: state.selected,
    };
    // A field whose value changed moves or clears only the highlight it set itself.
    if (from?.refresh)
      setPointed((p) =>
        p && p.field === next.field && p.run === next.run && p.selected === next.selected ? next : p,
      );
    else setPointed(next);
  };

  // After a crash the main process loaded the page again (electron/main/renderer-recovery.ts): say so once.
  const recoveryTold = useRef(false);
  useEffect(() => {
    if (!recovery || recoveryTold.current) return;
    recoveryTold.current = true;
    const reason = t(recovery.reason === 'oom' ? 'recovered.reason.oom' : 'recovered.reason.crash');
    notify(t(recovery.restored ? 'recovered.restored' : 'recovered.empty', { reason }), 'info');
    window.history.replaceState(null, '', window.location.pathname);
  }, [recovery, notify, t]);

  const newIncident = useCallback(() => {
    dispatch({ type: 'clear' });
    setView('incident');
    setHelp(false);
    requestAnimationFrame(() => pasteArea.current?.focus());
  }, [dispatch]);

  const copyTicket = useCallback(() => {
    const ticket = tickets?.[settings.ticketLang];
    if (!ticket) return notify(t('ticket.empty'), 'info');
    // Which language's text went to the clipboard: the French one is the one for Orange's form.
    void copy(ticket.body, 'ticket', t(`ticket.copiedMessage.${settings.ticketLang}`));
  }, [tickets, settings.ticketLang, copy, notify, t]);

  const focusSearch = useCallback(() => {
    setView('history');
    setHelp(false);
    requestAnimationFrame(() =>
      main.current?.querySelector<HTMLInputElement>('input[type="search"], [data-search]')?.focus(),
    );
  }, []);

  const save = async () => {
    if (!incident || !tickets) return;
    setSaving(true);
    try {
      const record = await api.history.save({
        ...(state.savedId ? { id: state.savedId, baseUpdatedAt: state.savedAt ?? undefined } : {}),
        incident: readSourcesOnly(incident, state.groups[state.selected]?.incident ?? null),
        advice: advice ? { ...advice } : null,
        ticket: { fr: pick(tickets.fr), en: pick(tickets.en) },
        rawText: rawForHistory(state.text, state.lines, incident, MAX_RAW_TEXT),
        maskRecipients: settings.maskRecipients,
      });
      dispatch({ type: 'saved', id: record.id, at: record.updatedAt });
      setSavedCount((n) => n + 1);
      notify(t('save.done'));
    } catch (e) {
      notify(t('save.failed', { reason: e instanceof Error ? e.message : String(e) }), 'error');
    } finally {
      setSaving(false);
    }
  };

  const failed = (error: Error) => t('part.failed', { reason: error.message });

  // An incident opened from the history list or a recurrence hint: the button that opened it is gone, so
  // keyboard focus goes to the top of the incident, once its text is read again, rather than to the page.
  const focusOpened = useRef(false);
  useEffect(() => {
    if (!focusOpened.current || view !== 'incident' || state.phase === 'working') return;
    focusOpened.current = false;
    document.getElementById('advice-title')?.focus();
  });

  const openRecord = (record: HistoryRecord) => {
    dispatch({
      type: 'restore',
      incident: record.incident as Incident,
      text: record.rawText,
      id: record.id,
      at: record.updatedAt,
    });
    setView('incident');
    focusOpened.current = true;
  };

  useCommands(api, (command: Command) => {
    if (command === 'new-incident') newIncident();
    else if (command === 'open-file') {
      setView('incident');
      setOpenRequest((n) => n + 1);
    } else if (command === 'copy-ticket') copyTicket();
    else if (command === 'focus-search') focusSearch();
    else if (command === 'toggle-language') update({ uiLang: settings.uiLang === 'fr' ? 'en' : 'fr' });
    else if (command === 'show-help') setHelp(true);
    else if (command === 'open-postmaster') void api.app.openExternal({ url: ORANGE_POSTMASTER_URL });
  });

  // A file dropped outside the paste panel must not make the window navigate to it.
  useEffect(() => {
    const stop = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  // Ctrl/Cmd+V anywhere (outside a text field) pastes into the paste area.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || help) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      // Blank text (or only an image) must not wipe the incident on screen: say so instead.
      if (text.trim() === '') return notify(t('paste.blank'), 'error', NOTHING_REPLACED);
      // Text did come: an earlier « rien n'a été remplacé » no longer holds (it would stay 7 s).
      withdraw(NOTHING_REPLACED);
      setView('incident');
      setText(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [setText, help, notify, withdraw, t]);

  // The pre-flight panel looks for DKIM-Signature headers (in a bounce's returned headers): the start
  // of a huge paste is enough, and scanning all of it would stall the window.
  const preflightText = useMemo(
    () => (state.text.length > PREFLIGHT_SCAN_CHARS ? state.text.slice(0, PREFLIGHT_SCAN_CHARS) : state.text),
    [state.text],
  );
  const working = state.phase !== 'empty';
  const noIncident = state.phase === 'ready' && state.groups.length === 0;

  return (
    <div className="app">
      <TopBar
        view={view}
        onView={setView}
        uiLang={settings.uiLang}
        onUiLang={(uiLang) => update({ uiLang })}
        onNew={newIncident}
        onHelp={() => setHelp(true)}
      />
      <main ref={main} className="main" id="main">
        {view === 'incident' && (
          <div className="workspace">
            <div className="column column--source">
              <SourcePanel
                session={state}
                highlight={highlight}
                mark={current?.mark ?? null}
                onText={(text, fileName) => setText(text, fileName ?? null)}
                onClear={newIncident}
                pasteArea={pasteArea}
                openRequest={openRequest}
              />
              <IncidentList
                groups={state.groups}
                edited={state.edited}
                selected={state.selected}
                allInTicket={state.allInTicket}
                onSelect={(index) => dispatch({ type: 'select', index })}
                onAllInTicket={(value) => dispatch({ type: 'allInTicket', value })}
              />
              {state.warnings.length > 0 && (
                <details className="panel notes-panel">
                  <summary>{t('extract.warnings')}</summary>
                  <ul>
                    {state.warnings.map((w) => (
                      <li key={w.code}>{w.text[settings.uiLang]}</li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
            <div className="column column--work">
              <ExtractionStatus session={state} />
              {!working && (
                <section className="panel empty" aria-labelledby="empty-title">
                  <h2 id="empty-title">{t('empty.title')}</h2>
                  <p>{t('empty.body')}</p>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => dispatch({ type: 'manual' })}
                  >
                    {t('extract.fillByHand')}
                  </button>
                </section>
              )}
              {state.phase === 'failed' && (
                <p className="alert alert--error" role="alert">
                  {t('extract.error', { reason: state.error ?? '?' })}
                </p>
              )}
              {noIncident && (
                <section className="panel empty" aria-live="polite">
                  <p>{t('extract.none')}</p>
                  <button type="button" className="button" onClick={() => dispatch({ type: 'manual' })}>
                    {t('extract.fillByHand')}
                  </button>
                </section>
              )}
              {incident && checks && (
                <>
                  <AdviceCard advice={advice} incident={incident} />
                  <PartBoundary message={failed}>
                    <RecurrenceHint
                      api={api.history}
                      lang={settings.uiLang}
                      ip={incident.sendingIps[0] ?? null}
                      domain={incident.sendingDomain}
                      excludeId={state.savedId ?? undefined}
                      onOpen={openRecord}
                    />
                  </PartBoundary>
                  {/* Said once: the advice card's headline already names another provider's refusal. */}
                  {!incident.isOrange && !refusedElsewhere(incident) && (
                    <p className="alert alert--warning">{t('extract.notOrange')}</p>
                  )}
                  <div className="fields-row">
                    <FieldsForm
                      incident={incident}
                      read={state.groups[state.selected]?.incident ?? null}
                      checks={checks}
                      canRevert={state.edited[state.selected] !== state.groups[state.selected]?.incident}
                      onChange={(next) => dispatch({ type: 'edit', incident: next })}
                      onRevert={() => dispatch({ type: 'revert' })}
                      onSource={setHighlight}
                      asPasted={asPasted}
                    />
                    <PartBoundary message={failed}>
                      <PreflightPanel
                        key={`${state.run}-${state.selected}`}
                        api={api.preflight}
                        incident={incident}
                        lang={settings.uiLang}
                        rawText={preflightText}
                        openLink={(url) => void api.app.openExternal({ url })}
                        abusixKey={settings.abusixKey ?? ''}
                        onAbusixKey={(abusixKey) => {
                          update({ abusixKey });
                          notify(t(abusixKey ? 'preflight.keySaved' : 'preflight.keyRemoved'));
                        }}
                        onResults={(results) =>
                          setPreflight({ results, at: new Date(), run: state.run, selected: state.selected })
                        }
                      />
                    </PartBoundary>
                  </div>
                  <TicketPanel
                    tickets={tickets}
                    ticketLang={settings.ticketLang}
                    onTicketLang={(ticketLang) => update({ ticketLang })}
                  >
                    {preflightLineAvailable && (
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={withPreflight}
                          onChange={(e) => setWithPreflight(e.target.checked)}
                        />
                        {t('ticket.includePreflight')}
                      </label>
                    )}
                    <ContextFields
                      context={context}
                      onChange={(ticketContext) => update({ ticketContext }, true)}
                    />
                    <div className="save-row">
                      <button
                        type="button"
                        className="button button--primary"
                        onClick={() => void save()}
                        disabled={saving || !tickets}
                      >
                        {t('save.button')}
                      </button>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={settings.maskRecipients}
                          onChange={(e) => update({ maskRecipients: e.target.checked })}
                        />
                        {t('save.maskRecipients')}
                      </label>
                      {state.savedAt && <span className="hint">{t('save.done')}</span>}
                    </div>
                  </TicketPanel>
                </>
              )}
            </div>
          </div>
        )}
        {view === 'history' && (
          <div className="history-view">
            <PartBoundary message={failed}>
              <HistoryView
                api={api.history}
                lang={settings.uiLang}
                onOpen={openRecord}
                refreshKey={savedCount}
              />
            </PartBoundary>
          </div>
        )}
        {view === 'logs' && (
          <div className="logs-view">
            <PartBoundary message={failed}>
              <LargeLogView
                lang={settings.uiLang}
                onUseGroup={(chosen, logName) => {
                  dispatch({ type: 'adopt', incident: chosen, fileName: logName });
                  setView('incident');
                }}
              />
            </PartBoundary>
          </div>
        )}
      </main>
      {help && <HelpPanel onClose={() => setHelp(false)} />}
    </div>
  );
}
