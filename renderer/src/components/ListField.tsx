/** An editable list (sending IPs, host names): edit each value in place, remove it, or add one. */
import { type KeyboardEvent, useState } from 'react';
import type { Verdict } from '../../../core/types';
import { useI18n } from '../i18n';
import { FieldRow, type OnSource, VerdictText } from './FieldParts';
import type { FieldOrigin } from './fieldOrigin';

interface Props {
  id: string;
  label: string;
  addLabel: string;
  values: string[];
  verdicts: Verdict[];
  listVerdict: Verdict | undefined;
  origin: FieldOrigin;
  onSource: OnSource;
  onChange(values: string[]): void;
}

export function ListField({
  id,
  label,
  addLabel,
  values,
  verdicts,
  listVerdict,
  origin,
  onSource,
  onChange,
}: Props) {
  const { t } = useI18n();
  const [fresh, setFresh] = useState('');
  const add = () => {
    const value = fresh.trim();
    if (!value) return;
    onChange([...values, value]);
    setFresh('');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  // Per-value problems show beside each value; the list itself only says when it is empty.
  const listLevel = values.some((v) => v.trim() !== '') ? undefined : listVerdict;
  return (
    <FieldRow id={id} label={label} origin={origin} onSource={onSource} verdict={listLevel} group>
      <ul className="list-values">
        {values.map((value, index) => {
          const itemId = `${id}-${index}`;
          const verdict = verdicts[index];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: values are edited in place, the position is the identity
            <li key={index} className="list-item">
              <div className="list-row">
                <input
                  id={itemId}
                  className="input"
                  value={value}
                  aria-label={`${label} ${index + 1}`}
                  aria-describedby={`${itemId}-msg`}
                  aria-invalid={verdict?.level === 'error' ? true : undefined}
                  spellCheck={false}
                  onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
                />
                <button
                  type="button"
                  className="button button--icon"
                  aria-label={t('fields.remove', { value: value || '…' })}
                  onClick={() => onChange(values.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </div>
              <VerdictText id={`${itemId}-msg`} verdict={verdict} />
            </li>
          );
        })}
        {values.length === 0 && <li className="hint">{t('fields.emptyList')}</li>}
      </ul>
      <div className="list-row list-add">
        <input
          id={`${id}-new`}
          className="input"
          value={fresh}
          aria-label={addLabel}
          placeholder={addLabel}
          spellCheck={false}
          onChange={(e) => setFresh(e.target.value)}
          onKeyDown={onKey}
        />
        <button type="button" className="button" onClick={add} disabled={!fresh.trim()}>
          {t('fields.add')}
        </button>
      </div>
    </FieldRow>
  );
}
