/** Pieces shared by the form's fields: the row, its source line badge and its validation message. */
import { type ReactNode, useEffect } from 'react';
import type { Verdict } from '../../../core/types';
import { useI18n } from '../i18n';
import type { FieldOrigin } from './fieldOrigin';

export function VerdictText({ id, verdict }: { id: string; verdict: Verdict | undefined }) {
  const { lang } = useI18n();
  if (!verdict) return <p id={id} className="verdict" />;
  const icon = verdict.level === 'ok' ? '✓' : verdict.level === 'warning' ? '⚠' : '✕';
  return (
    <p id={id} className={`verdict verdict--${verdict.level}`}>
      <span aria-hidden="true">{icon} </span>
      {verdict.message[lang]}
    </p>
  );
}

export function SourceBadge({ id, origin, onShow }: { id: string; origin: FieldOrigin; onShow(): void }) {
  const { t } = useI18n();
  if (origin.kind !== 'read')
    return (
      <span id={id} className={`source-badge is-${origin.kind === 'typed' ? 'manual' : 'missing'}`}>
        {t(origin.kind === 'typed' ? 'fields.noSource' : 'fields.notFound')}
      </span>
    );
  const { source } = origin;
  return (
    <button id={id} type="button" className="source-badge" title={source.text.slice(0, 300)} onClick={onShow}>
      {t('fields.source', { line: source.line })}
    </button>
  );
}

/** Who points at a source line: a field (by its id); `refresh` only follows a change of the field's value. */
export interface SourcePointer {
  field: string;
  refresh?: boolean;
}

export type OnSource = (line: number | null, mark?: string, from?: SourcePointer) => void;

interface RowProps {
  id: string;
  label: string;
  origin: FieldOrigin;
  onSource: OnSource;
  verdict?: Verdict | undefined;
  /** Set for a group of inputs (lists): the label becomes a legend. */
  group?: boolean;
  help?: ReactNode;
  children: ReactNode;
}

/**
 * Hovering or focusing anything in the row highlights the line the value was read from. Once the value is
 * edited away from the one read there, a highlight this row set is cleared (and comes back if the read
 * value is typed again): the line no longer holds what the field shows.
 */
export function FieldRow({ id, label, origin, onSource, verdict, group, help, children }: RowProps) {
  const line = origin.kind === 'read' ? origin.source.line : null;
  const mark = origin.kind === 'read' ? origin.mark : undefined;
  const show = () => onSource(line, mark, { field: id });
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the value's origin changes, not on every render
  useEffect(() => {
    onSource(line, mark, { field: id, refresh: true });
  }, [id, line, mark]);
  const head = (
    <span className="field-head">
      {group ? (
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
      ) : (
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
      )}
      <SourceBadge id={`${id}-src`} origin={origin} onShow={show} />
    </span>
  );
  const body = (
    <>
      {head}
      {children}
      {help}
      <VerdictText id={`${id}-msg`} verdict={verdict} />
    </>
  );
  return group ? (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset cannot take the flex layout the row needs
    <div className="field" role="group" aria-labelledby={`${id}-label`} onMouseEnter={show} onFocus={show}>
      {body}
    </div>
  ) : (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only mirrors focus, for pointer users
    <div className="field" onMouseEnter={show} onFocus={show}>
      {body}
    </div>
  );
}

/** aria attributes tying an input to its message and source badge. */
export function describedBy(id: string, verdict: Verdict | undefined) {
  return {
    'aria-describedby': `${id}-msg ${id}-src`,
    'aria-invalid': verdict?.level === 'error' ? true : undefined,
  } as const;
}

/** A row holding one text input: `onText` gets what was typed. */
export function TextFieldRow({
  value,
  onText,
  short,
  placeholder,
  inputMode,
  maxLength,
  ...row
}: Omit<RowProps, 'children' | 'group'> & {
  value: string;
  onText(text: string): void;
  short?: boolean;
  placeholder?: string;
  inputMode?: 'numeric';
  maxLength?: number;
}) {
  return (
    <FieldRow {...row}>
      <input
        id={row.id}
        className={short ? 'input input--short' : 'input'}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        maxLength={maxLength}
        spellCheck={false}
        onChange={(e) => onText(e.target.value)}
        {...describedBy(row.id, row.verdict)}
      />
    </FieldRow>
  );
}
