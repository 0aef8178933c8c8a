/**
 * A live region, always in the page, that tells a screen reader what the reading of a paste found: the
 * fields fill in silently otherwise. Failures and "nothing recognised" have their own alerts.
 */
import { useI18n } from '../i18n';
import type { SessionState } from '../session/reducer';

export function ExtractionStatus({ session }: { session: SessionState }) {
  const { plural } = useI18n();
  const read = session.groups.filter((g) => g.key !== 'manual').length;
  const text =
    session.phase === 'ready' && session.text !== '' && read > 0 ? plural('extract.found', read) : '';
  return (
    <p id="extraction-status" className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
