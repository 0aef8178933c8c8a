/**
 * Where text arrives: typed or pasted into the area, dropped as a file, or opened with the native
 * dialog. Once text is there it is shown line by line with the highlighted source line.
 */
import { type ClipboardEvent, type DragEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/services';
import { WORKER_THRESHOLD } from '../engine/runner';
import { useI18n } from '../i18n';
import type { SessionState } from '../session/reducer';
import { citedLines } from '../source/citedLines';
import { lineCount } from '../source/lineIndex';
import { CitedLines } from './CitedLines';
import { isAccepted, readDroppedFile, UnsupportedFileError } from './files';
import { NOTHING_REPLACED, useNotify, useWithdrawNotices } from './Notices';
import { ProgressLine } from './ProgressLine';
import { SourceView } from './SourceView';

export const TYPING_DELAY_MS = 300;

interface Props {
  session: SessionState;
  highlight: number | null;
  /** The value to point at within the highlighted line. */
  mark: string | null;
  onText(text: string, fileName?: string | null): void;
  onClear(): void;
  pasteArea: RefObject<HTMLTextAreaElement | null>;
  /** Bumped by the menu's "open file" command. */
  openRequest: number;
}

export function SourcePanel({ session, highlight, mark, onText, onClear, pasteArea, openRequest }: Props) {
  const api = useApi();
  const { t, plural, size } = useI18n();
  const notify = useNotify();
  const withdraw = useWithdrawNotices();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [dragging, setDragging] = useState(false);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** What is typed but not yet read (the pause has not come): read at once if the panel goes. */
  const pending = useRef<(() => void) | null>(null);
  const hasText = session.text !== '';
  // Without the text (a large log's group, an incident reopened without it), the lines the fields cite.
  const cited = hasText ? [] : citedLines(session.groups[session.selected]?.incident ?? null);
  const showCited = cited.length > 0 && !editing;
  const showEditor = (!hasText || editing) && !showCited;

  useEffect(() => {
    if (hasText) return;
    setEditing(false);
    // Cleared (Effacer, Nouvel incident): a read still waiting for the typing pause goes with the text,
    // or it would bring back the incident just set aside.
    if (typing.current) clearTimeout(typing.current);
    typing.current = null;
    pending.current = null;
  }, [hasText]);
  // Leaving the tab (or the panel) before the typing pause must not lose the last keystrokes.
  useEffect(
    () => () => {
      if (typing.current) clearTimeout(typing.current);
      pending.current?.();
      pending.current = null;
    },
    [],
  );

  // Blank text never replaces what is on screen (an incident being edited would be lost for nothing).
  const arrive = (text: string, fileName: string | null = null) => {
    if (text.trim() === '')
      return notify(
        fileName ? t('paste.emptyFile', { name: fileName }) : t('paste.blank'),
        'error',
        NOTHING_REPLACED,
      );
    // Text did come: an earlier « rien n'a été remplacé » no longer holds.
    withdraw(NOTHING_REPLACED);
    if (typing.current) clearTimeout(typing.current);
    pending.current = null;
    setEditing(false);
    onText(text, fileName);
  };

  const open = async () => {
    try {
      const file = await api.app.openFile({});
      if (!file) return;
      if (file.error !== null || file.text === null)
        return notify(t('paste.readError', { name: file.name, reason: file.error ?? '?' }), 'error');
      arrive(file.text, file.name);
      if (file.compressedCut)
        notify(t('paste.compressedCut', { name: file.name, format: file.compressedCut }), 'error');
      if (file.checksumMismatch) notify(t('paste.checksumMismatch', { name: file.name }), 'error');
      if (file.trailingIgnored) notify(t('paste.gzipTrailing', { name: file.name }), 'info');
    } catch (e) {
      notify(t('paste.openError', { reason: e instanceof Error ? e.message : String(e) }), 'error');
    }
  };
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (openRequest > 0) void openRef.current();
  }, [openRequest]);

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length === 0) {
      const text = event.dataTransfer.getData('text/plain');
      if (text.trim()) arrive(text);
      return;
    }
    const [file] = files;
    if (files.length > 1 || !file) return notify(t('paste.dropTooMany'), 'error');
    if (!isAccepted(file.name)) return notify(t('paste.dropUnsupported'), 'error');
    try {
      const dropped = await readDroppedFile(file);
      arrive(dropped.text, file.name);
      if (dropped.compressedCut)
        notify(t('paste.compressedCut', { name: file.name, format: dropped.compressedCut }), 'error');
      if (dropped.checksumMismatch) notify(t('paste.checksumMismatch', { name: file.name }), 'error');
      if (dropped.trailingIgnored) notify(t('paste.gzipTrailing', { name: file.name }), 'info');
    } catch (e) {
      if (e instanceof UnsupportedFileError) return notify(t('paste.dropUnsupported'), 'error');
      notify(
        t('paste.readError', { name: file.name, reason: e instanceof Error ? e.message : String(e) }),
        'error',
      );
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const area = event.currentTarget;
    const replacesAll =
      area.value === '' || (area.selectionStart === 0 && area.selectionEnd === area.value.length);
    if (!replacesAll) return;
    event.preventDefault();
    event.stopPropagation();
    arrive(event.clipboardData.getData('text/plain'));
  };

  const onType = (value: string) => {
    setDraft(value);
    setEditing(true);
    if (typing.current) clearTimeout(typing.current);
    const read = () => {
      pending.current = null;
      typing.current = null;
      if (value.trim() !== '') withdraw(NOTHING_REPLACED);
      onText(value, session.fileName);
    };
    pending.current = read;
    typing.current = setTimeout(read, TYPING_DELAY_MS);
  };

  const startEditing = () => {
    setDraft(session.text);
    setEditing(true);
  };

  const lines = session.lines ? lineCount(session.lines) : null;
  // A disabled button cannot take focus: its reason is written out, not left in a tooltip.
  const tooLarge = session.text.length > WORKER_THRESHOLD;

  return (
    <section
      className={`panel source-panel${dragging ? ' is-dragging' : ''}`}
      aria-labelledby="source-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <header className="panel-header">
        <h2 id="source-title">{t('paste.title')}</h2>
        <div className="panel-actions">
          <button type="button" className="button" onClick={() => void open()}>
            {t('toolbar.open')}
          </button>
          {hasText && !editing && (
            <button
              type="button"
              className="button"
              onClick={startEditing}
              disabled={tooLarge}
              aria-describedby={tooLarge ? 'paste-too-large' : undefined}
            >
              {t('paste.edit')}
            </button>
          )}
          {hasText && editing && (
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('paste.view')}
            </button>
          )}
          {hasText && (
            <button type="button" className="button" onClick={onClear}>
              {t('paste.clear')}
            </button>
          )}
        </div>
      </header>

      {hasText && (
        <p className="source-meta">
          {session.fileName && <span>{t('paste.from', { name: session.fileName })} · </span>}
          {lines !== null
            ? plural('paste.stats', lines, { size: size(session.text.length) })
            : size(session.text.length)}
        </p>
      )}
      {hasText && !editing && tooLarge && (
        <p id="paste-too-large" className="source-meta">
          {t('paste.editTooLarge')}
        </p>
      )}

      {session.phase === 'working' && <ProgressLine progress={session.progress} size={session.text.length} />}

      {showCited && (
        <>
          <CitedLines lines={cited} fileName={session.fileName} highlight={highlight} mark={mark} />
          <p className="hint">{t('paste.hint')}</p>
        </>
      )}
      {showEditor ? (
        <div className="paste-box">
          <label htmlFor="paste-area" className="visually-hidden">
            {t('paste.label')}
          </label>
          <textarea
            id="paste-area"
            ref={pasteArea}
            className="paste-area"
            placeholder={t('paste.placeholder')}
            aria-describedby="paste-hint"
            spellCheck={false}
            value={editing ? draft : ''}
            onPaste={onPaste}
            onChange={(e) => onType(e.target.value)}
          />
          <p id="paste-hint" className="hint">
            {dragging ? t('paste.drop') : t('paste.hint')}
          </p>
        </div>
      ) : (
        !showCited &&
        session.lines && (
          <SourceView text={session.text} lines={session.lines} highlight={highlight} mark={mark} />
        )
      )}
    </section>
  );
}
