/**
 * The pasted text, line by line, as plain text nodes (never HTML). Only the rows in view are rendered,
 * so a 10 MB paste scrolls smoothly; the line a field came from is highlighted and scrolled into view.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { type LineIndex, lineCount, lineText } from '../source/lineIndex';

export const ROW_HEIGHT = 20;
/** Longest part of one line drawn (a 1 MB line would otherwise stall layout). */
export const MAX_LINE_CHARS = 2000;
const OVERSCAN = 20;
const FALLBACK_ROWS = 40;

interface Props {
  text: string;
  lines: LineIndex;
  highlight: number | null;
  /** A field's value: marked within the highlighted line and scrolled into view across. */
  mark?: string | null;
}

export function SourceView({ text, lines, highlight, mark = null }: Props) {
  const { t } = useI18n();
  const scroller = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const count = lineCount(lines);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = scroller.current;
    if (!element || highlight === null) return;
    const top = (highlight - 1) * ROW_HEIGHT;
    const visible = element.clientHeight || FALLBACK_ROWS * ROW_HEIGHT;
    if (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + visible) {
      element.scrollTop = Math.max(0, top - visible / 2);
      setScrollTop(element.scrollTop);
    }
  }, [highlight]);

  // A long line (a log line, a folded header) can hide the value off to the right: bring it into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the pointed value changes
  useEffect(() => {
    const element = scroller.current;
    const marked = element?.querySelector('.source-mark');
    if (!element || highlight === null) return;
    // A value not found as written (a date shown in ISO form): back to the start of the line.
    if (!marked) {
      element.scrollLeft = 0;
      return;
    }
    const box = element.getBoundingClientRect();
    const at = marked.getBoundingClientRect();
    if (at.left < box.left + 48 || at.right > box.right)
      element.scrollLeft = Math.max(0, element.scrollLeft + at.left - box.left - element.clientWidth / 3);
  }, [highlight, mark]);

  const visibleRows = height > 0 ? Math.ceil(height / ROW_HEIGHT) : FALLBACK_ROWS;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.floor(scrollTop / ROW_HEIGHT) + visibleRows + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const line = i + 1;
    const full = lineText(text, lines, line);
    const shown = full.length > MAX_LINE_CHARS ? full.slice(0, MAX_LINE_CHARS) : full;
    const rest = full.length - shown.length;
    rows.push(
      <div
        key={line}
        className={`source-row${line === highlight ? ' is-highlighted' : ''}`}
        data-line={line}
        style={{ top: i * ROW_HEIGHT }}
      >
        <span className="source-number" aria-hidden="true">
          {line}
        </span>
        <span className="source-text">
          {line === highlight ? <MarkedText text={shown} mark={mark} /> : shown}
          {rest > 0 && <span className="source-more">{t('paste.lineTruncated', { n: rest })}</span>}
        </span>
      </div>,
    );
  }

  return (
    <section
      ref={scroller}
      className="source-view"
      aria-label={t('paste.sourceView')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="source-canvas" style={{ height: count * ROW_HEIGHT }}>
        {rows}
      </div>
    </section>
  );
}

/** The line with the first occurrence of `mark` (any case) wrapped in <mark>. */
export function MarkedText({ text, mark }: { text: string; mark: string | null }) {
  const at = mark ? text.toLowerCase().indexOf(mark.toLowerCase()) : -1;
  if (!mark || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="source-mark">{text.slice(at, at + mark.length)}</mark>
      {text.slice(at + mark.length)}
    </>
  );
}
