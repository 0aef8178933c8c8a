/** Pieces shared by the form's fields: the row, its source line badge and its validation message. */
import type { ReactNode } from 'react';
import type { SourceRef, Verdict } from '../../../core/types';
import { useI18n } from '../i18n';

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

export function SourceBadge({
  id,
  source,
  onShow,
}: {
  id: string;
  source: SourceRef | undefined;
  onShow(line: number): void;
}) {
  const { t } = useI18n();
  if (!source)
    return (
      <span id={id} className="source-badge is-manual">
        {t('fields.noSource')}
      </span>
    );
  return (
    <button
      id={id}
      type="button"
      className="source-badge"
      title={source.text.slice(0, 300)}
      onClick={() => onShow(source.line)}
    >
      {t('fields.source', { line: source.line })}
    </button>
  );
}

interface RowProps {
  id: string;
  label: string;
  source: SourceRef | undefined;
  onSource(line: number | null): void;
  verdict?: Verdict | undefined;
  /** Set for a group of inputs (lists): the label becomes a legend. */
  group?: boolean;
  help?: ReactNode;
  children: ReactNode;
}

/** Hovering or focusing anything in the row highlights the line the value was read from. */
export function FieldRow({ id, label, source, onSource, verdict, group, help, children }: RowProps) {
  const show = () => onSource(source?.line ?? null);
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
      <SourceBadge id={`${id}-src`} source={source} onShow={(line) => onSource(line)} />
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
