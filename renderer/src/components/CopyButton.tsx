/** A button that copies one text and shows "Copied" on itself for a moment. */
import { useState } from 'react';
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
  /** The confirmation on the button and in the notice, when « Copié » alone would not say what was copied. */
  copiedLabel?: string;
}

export function CopyButton({
  text,
  label,
  ariaLabel,
  primary,
  disabled,
  keyshortcuts,
  describedBy,
  copiedLabel,
}: Props) {
  const { t } = useI18n();
  const { copy, copied } = useCopy();
  // What was copied, as said at the click: the ticket's tab may change while « Copié » is still shown.
  const [said, setSaid] = useState<string | undefined>(undefined);
  const done = copied === 'self';
  return (
    <button
      type="button"
      className={`button ${primary ? 'button--primary' : ''} ${done ? 'is-done' : ''}`}
      aria-label={ariaLabel}
      aria-keyshortcuts={keyshortcuts}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => {
        setSaid(copiedLabel);
        void copy(text, 'self', copiedLabel);
      }}
    >
      {done ? `✓ ${said ?? t('ticket.copied')}` : label}
    </button>
  );
}
