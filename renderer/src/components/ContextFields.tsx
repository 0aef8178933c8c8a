/** The sender's optional context for the ticket, remembered between sessions. */
import type { TicketContext } from '../../../core/types';
import { useI18n } from '../i18n';

interface Props {
  context: TicketContext;
  onChange(context: TicketContext): void;
}

type TextKey = 'company' | 'contactName' | 'dailyVolume' | 'collectionMethod' | 'actionsTaken';

export function ContextFields({ context, onChange }: Props) {
  const { t } = useI18n();
  const text = (key: TextKey, label: string, options: { help?: string; long?: boolean } = {}) => {
    const id = `ctx-${key}`;
    const common = {
      id,
      className: options.long ? 'input input--text' : 'input',
      value: context[key] ?? '',
      placeholder: options.help,
      'aria-describedby': options.help ? `${id}-help` : undefined,
    };
    return (
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {options.long ? (
          <textarea {...common} rows={2} onChange={(e) => onChange({ ...context, [key]: e.target.value })} />
        ) : (
          <input {...common} onChange={(e) => onChange({ ...context, [key]: e.target.value })} />
        )}
        {options.help && (
          <p id={`${id}-help`} className="visually-hidden">
            {options.help}
          </p>
        )}
      </div>
    );
  };
  const signal = context.signalSpamMember;
  return (
    <details className="context">
      <summary>{t('context.title')}</summary>
      <div className="context-grid">
        {text('company', t('context.company'))}
        {text('contactName', t('context.contactName'))}
        {text('dailyVolume', t('context.dailyVolume'), { help: t('context.dailyVolumeHelp') })}
        <div className="field">
          <label className="field-label" htmlFor="ctx-signalSpam">
            {t('context.signalSpam')}
          </label>
          <select
            id="ctx-signalSpam"
            className="input"
            value={signal === true ? 'yes' : signal === false ? 'no' : 'unknown'}
            onChange={(e) =>
              onChange({
                ...context,
                signalSpamMember: e.target.value === 'yes' ? true : e.target.value === 'no' ? false : null,
              })
            }
          >
            <option value="unknown">{t('context.signalSpam.unknown')}</option>
            <option value="yes">{t('context.signalSpam.yes')}</option>
            <option value="no">{t('context.signalSpam.no')}</option>
          </select>
        </div>
        {text('collectionMethod', t('context.collectionMethod'), {
          help: t('context.collectionMethodHelp'),
          long: true,
        })}
        {text('actionsTaken', t('context.actionsTaken'), { long: true })}
      </div>
    </details>
  );
}
