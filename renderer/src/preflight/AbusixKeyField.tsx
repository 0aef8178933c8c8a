/**
 * The user's Abusix Mail Intelligence key, kept in the settings: with it the Abusix blocklist is queried
 * by DNS like the others; without it the check is a link to look up by hand.
 */
import { useEffect, useId, useState } from 'react';
import { ABUSIX_KEY } from '../../../electron/contract/abusix-key';
import { say } from './texts';

export function AbusixKeyField({
  value,
  lang,
  onSave,
}: {
  value: string;
  lang: 'fr' | 'en';
  onSave(key: string): void;
}) {
  const [draft, setDraft] = useState(value);
  const errorId = useId();
  useEffect(() => setDraft(value), [value]);
  const key = draft.trim();
  const valid = ABUSIX_KEY.test(key);
  return (
    <details className="preflight-key">
      <summary>{say(lang, value ? 'abusixKeySet' : 'abusixKeySummary')}</summary>
      <p className="hint">{say(lang, 'abusixKeyHelp')}</p>
      <div className="preflight-key-row">
        <label>
          {say(lang, 'abusixKeyLabel')}
          <input
            type="password"
            className="input input--short"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : errorId}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={!valid || key === value}
          onClick={() => onSave(key)}
        >
          {say(lang, key === '' && value ? 'abusixKeyRemove' : 'abusixKeySave')}
        </button>
      </div>
      {valid ? null : (
        <p id={errorId} className="verdict verdict--error" role="alert">
          {say(lang, 'abusixKeyInvalid')}
        </p>
      )}
    </details>
  );
}
