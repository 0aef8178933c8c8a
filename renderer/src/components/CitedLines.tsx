/**
 * The lines the fields cite, shown when their text is not loaded (a large log's group made the incident):
 * each with its number in the log, the one a field points at highlighted, its value marked, and scrolled
 * into view. Plain text nodes only, like the source view.
 */
import { useEffect, useRef } from 'react';
import type { SourceRef } from '../../../core/types';
import { useI18n } from '../i18n';
import { MAX_LINE_CHARS, MarkedText } from './SourceView';

interface Props {
  lines: SourceRef[];
  /** The file they were read from, when known. */
  fileName: string | null;
  highlight: number | null;
  mark: string | null;
}

export function CitedLines({ lines, fileName, highlight, mark }: Props) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (highlight === null) return;
    list.current?.querySelector('.is-highlighted')?.scrollIntoView?.({ block: 'nearest' });
  }, [highlight]);
  return (
    <div className="cited-lines">
      <p id="cited-lines-title" className="source-meta">
        {fileName ? t('paste.citedFrom', { name: fileName }) : t('paste.cited')}
      </p>
      <ol ref={list} className="cited-lines-list" aria-labelledby="cited-lines-title">
        {lines.map((ref) => {
          const shown = ref.text.length > MAX_LINE_CHARS ? ref.text.slice(0, MAX_LINE_CHARS) : ref.text;
          const pointed = ref.line === highlight;
          return (
            <li
              key={ref.line}
              className={`cited-line${pointed ? ' is-highlighted' : ''}`}
              data-line={ref.line}
            >
              <span className="source-number">{t('paste.citedLine', { line: ref.line })}</span>
              <span className="source-text">{pointed ? <MarkedText text={shown} mark={mark} /> : shown}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
