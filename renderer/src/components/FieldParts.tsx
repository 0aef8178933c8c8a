/** Pieces shared by the form's fields: the row, its source line badge and its validation message. */
import type { ReactNode } from 'react';
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

interface RowProps {
  id: string;
  label: string;
  origin: FieldOrigin;
  onSource(line: number | null, mark?: string): void;
  verdict?: Verdict | undefined;
  /** Set for a group of inputs (lists): the label becomes a legend. */
  group?: boolean;
  help?: ReactNode;
  children: ReactNode;
}

/** Hovering or focusing anything in the row highlights the line the value was read from. */
export function FieldRow({ id, label, origin, onSource, verdict, group, help, children }: RowProps) {
  const show = () => (origin.kind === 'read' ? onSource(origin.source.line, origin.mark) : onSource(null));
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
