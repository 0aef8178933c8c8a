/** A button that copies one text and shows "Copied" on itself for a moment. */
import { useI18n } from '../i18n';
import { useCopy } from './useCopy';

interface Props {
  text: string;
  label: string;
  /** Accessible name when the visible label is short ("Copy" beside an item). */
  ariaLabel?: string;
  primary?: boolean;
  disabled?: boolean;
  /** Announced shortcut, e.g. "Control+Enter Meta+Enter". */
  keyshortcuts?: string;
  /** Id of a text read after the name (a reminder beside the button). */
  describedBy?: string;
}

export function CopyButton({ text, label, ariaLabel, primary, disabled, keyshortcuts, describedBy }: Props) {
  const { t } = useI18n();
  const { copy, copied } = useCopy();
  const done = copied === 'self';
  return (
    <button
      type="button"
      className={`button ${primary ? 'button--primary' : ''} ${done ? 'is-done' : ''}`}
      aria-label={ariaLabel}
      aria-keyshortcuts={keyshortcuts}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => void copy(text, 'self')}
    >
      {done ? `✓ ${t('ticket.copied')}` : label}
    </button>
  );
}
