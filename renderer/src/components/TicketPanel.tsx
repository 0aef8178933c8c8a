/**
 * The message for Orange's form: French (to send) and English (for the records) in tabs, updated live
 * from the fields and the context; copy it whole or item by item; open Orange's postmaster page. When no
 * refusal is Orange's, a notice above the text says Orange's desk cannot help (core/ticket words the text
 * without putting the refusal on Orange), and Orange's page is not offered.
 */
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import type { TicketItems } from '../../../core/ticket';
import type { Lang } from '../../../core/types';
import type { TicketText } from '../engine/types';
import { type MessageKey, useI18n } from '../i18n';
import { CopyButton } from './CopyButton';
import { ExternalLink } from './ExternalLink';

export const ORANGE_POSTMASTER_URL = 'https://postmaster.orange.fr/';
const LANGS: Lang[] = ['fr', 'en'];
const ITEMS: [keyof TicketItems, MessageKey][] = [
  ['date', 'ticket.item.occurredAt'],
  ['ips', 'ticket.item.sendingIps'],
  ['hosts', 'ticket.item.sendingHosts'],
  ['domain', 'ticket.item.sendingDomain'],
  ['reply', 'ticket.item.reply'],
];

interface Props {
  tickets: Record<Lang, TicketText> | null;
  ticketLang: Lang;
  onTicketLang(lang: Lang): void;
  /** Context fields, pre-flight line option and the save button, placed under the preview. */
  children?: ReactNode;
}

export function TicketPanel({ tickets, ticketLang, onTicketLang, children }: Props) {
  const { t, lang } = useI18n();
  const tabs = useRef<Record<Lang, HTMLButtonElement | null>>({ fr: null, en: null });
  const ticket = tickets?.[ticketLang] ?? null;
  const notice = ticket?.notForOrange ?? null;
  const warnings = ticket?.warnings.filter((w) => w.en !== notice?.en) ?? [];
  // Orange's refusal in English: a reminder that the French text is the one for Orange's form (another
  // provider's refusal has the notice that it is not for Orange at all).
  const englishShown = ticketLang === 'en' && ticket !== null && !notice;

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = ticketLang === 'fr' ? 'en' : 'fr';
    onTicketLang(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="panel ticket" aria-labelledby="ticket-title">
      <header className="panel-header">
        <h2 id="ticket-title">{t(notice ? 'ticket.titleNotOrange' : 'ticket.title')}</h2>
        <div role="tablist" aria-label={t('ticket.langTabs')} className="tabs">
          {LANGS.map((lang) => (
            <button
              key={lang}
              ref={(el) => {
                tabs.current[lang] = el;
              }}
              type="button"
              role="tab"
              id={`ticket-tab-${lang}`}
              aria-selected={lang === ticketLang}
              aria-controls="ticket-panel"
              tabIndex={lang === ticketLang ? 0 : -1}
              className="tab"
              onClick={() => onTicketLang(lang)}
              onKeyDown={onTabKey}
            >
              {t(`ticket.lang.${lang}`)}
            </button>
          ))}
        </div>
      </header>

      <div
        role="tabpanel"
        id="ticket-panel"
        aria-labelledby={`ticket-tab-${ticketLang}`}
        className="ticket-body"
      >
        {!ticket ? (
          <p className="hint">{t('ticket.empty')}</p>
        ) : (
          <>
            {notice && (
              <div className="alert alert--error not-for-orange" role="note" aria-labelledby="not-for-orange">
                <p id="not-for-orange" className="not-for-orange-title">
                  {t('ticket.notForOrange')}
                </p>
                <p>{notice[lang]}</p>
              </div>
            )}
            {warnings.length > 0 && (
              <ul className={`alert ${ticket.missing.length > 0 ? 'alert--error' : 'alert--warning'}`}>
                {warnings.map((warning) => (
                  <li key={warning.en}>{warning[lang]}</li>
                ))}
              </ul>
            )}

            <div className="ticket-subject">
              <span className="field-label">{t('ticket.subject')}</span>
              <output className="subject-text" lang={ticketLang}>
                {ticket.subject}
              </output>
              <CopyButton
                text={ticket.subject}
                label={t('ticket.copySubject')}
                copiedLabel={t(`ticket.copiedSubject.${ticketLang}`)}
              />
            </div>

            <pre className="ticket-text" lang={ticketLang}>
              {ticket.body}
            </pre>

            {/* The English text is for the records: « Copier le message » and Ctrl+Enter copy it as shown, so
                the button says which text Orange's form takes. */}
            {englishShown && (
              <p id="ticket-english-reminder" className="alert alert--warning ticket-lang-reminder">
                {t('ticket.englishReminder')}
              </p>
            )}
            <div className="ticket-actions">
              <CopyButton
                text={ticket.body}
                label={t('ticket.copyAll')}
                copiedLabel={t(`ticket.copiedMessage.${ticketLang}`)}
                primary
                keyshortcuts="Control+Enter Meta+Enter"
                describedBy={englishShown ? 'ticket-english-reminder' : undefined}
              />
              <span className="hint">{t('ticket.shortcut')}</span>
              {!notice && (
                <ExternalLink url={ORANGE_POSTMASTER_URL} className="button">
                  {t('ticket.openPostmaster')}
                </ExternalLink>
              )}
            </div>

            <details className="items">
              <summary>{t('ticket.items')}</summary>
              <dl className="item-list">
                {ITEMS.map(([key, labelKey]) => ({ key, label: t(labelKey), value: ticket.items[key] })).map(
                  (item) => (
                    <div key={item.key} className="item">
                      <dt>{item.label}</dt>
                      <dd lang={ticketLang}>{item.value || '—'}</dd>
                      <dd>
                        <CopyButton
                          text={item.value}
                          label={t('ticket.copyItem')}
                          ariaLabel={t('ticket.copyNamed', { item: item.label })}
                          disabled={!item.value}
                        />
                      </dd>
                    </div>
                  ),
                )}
              </dl>
            </details>
          </>
        )}
        {children}
      </div>
    </section>
  );
}
