/** What happened when the history file was opened (recovered file, newer version...), when it matters. */
import { useEffect, useState } from 'react';
import type { Api } from '../../../electron/contract';
import type { StoreStatus } from '../../../electron/services/history/schema';
import { type HistoryLang, MESSAGES } from './messages';

export function StoreNotice({
  api,
  lang,
  version,
}: {
  api: Api['history'];
  lang: HistoryLang;
  version: number;
}) {
  const t = MESSAGES[lang];
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    let current = true;
    api
      .status({})
      .then((s) => current && setStatus(s))
      .catch(() => current && setStatus(null));
    return () => {
      current = false;
    };
  }, [api, version]);

  if (!status || dismissed || (!status.attention && status.writable)) return null;
  const events = status.events.filter((e) => e.level !== 'info');
  const serious = !status.writable || events.some((e) => e.level === 'error');
  return (
    <div
      className={`history-notice history-notice--${serious ? 'error' : 'warning'}`}
      role={serious ? 'alert' : 'status'}
    >
      <strong>{t.storeNoticeTitle}</strong>
      <ul>
        {events.map((e) => (
          <li key={`${e.code}-${e.at}`}>{e.text[lang]}</li>
        ))}
        {!status.writable ? <li>{t.readOnly}</li> : null}
      </ul>
      <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
        {t.dismiss}
      </button>
    </div>
  );
}
