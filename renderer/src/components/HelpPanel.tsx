/** Help: the steps of the flow and every keyboard shortcut (also in the app menu). */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { type MessageKey, useI18n } from '../i18n';

/** Modifier shown in shortcut lists: ⌘ on macOS, Ctrl elsewhere. */
export function modifierLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}

/** Keys whose name is said in the interface's language (« Entrée » on French keyboards and in French manuals). */
const NAMED_KEYS: Partial<Record<string, MessageKey>> = { Enter: 'key.enter' };

export const SHORTCUTS: { keys: string[]; label: MessageKey }[] = [
  { keys: ['mod', 'V'], label: 'help.paste' },
  { keys: ['mod', 'Enter'], label: 'help.copyTicket' },
  { keys: ['mod', 'N'], label: 'help.newIncident' },
  { keys: ['mod', 'F'], label: 'help.focusSearch' },
  { keys: ['mod', 'O'], label: 'help.open' },
  { keys: ['F1'], label: 'help.showHelp' },
];

export function HelpPanel({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const mod = modifierLabel(typeof navigator === 'undefined' ? '' : navigator.platform);
  const keyName = (key: string) => {
    const named = NAMED_KEYS[key];
    return named ? t(named) : key;
  };

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = dialog.current.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]');
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onKeyDown={onKey}
      >
        <div className="panel-header">
          <h2 id="help-title">{t('help.title')}</h2>
          <button ref={closeButton} type="button" className="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
        <h3>{t('help.steps')}</h3>
        <ol className="help-steps">
          {(['help.step1', 'help.step2', 'help.step3', 'help.step4', 'help.step5'] as const).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <h3>{t('help.shortcuts')}</h3>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' + '}
                      <kbd>{k === 'mod' ? mod : keyName(k)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(s.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('help.privacy')}</p>
      </div>
    </div>
  );
}
