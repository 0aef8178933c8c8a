/**
 * What Orange's reply means and, prominently, what to do next (with links opened in the browser). Another
 * provider's refusal is said to be that provider's, not Orange's, in the headline itself.
 */

import type { SteppedAdvice } from '../../../core/orange/advice';
import { otherProvider, refusedElsewhere } from '../../../core/orange/other-provider';
import type { Advice, Incident } from '../../../core/types';
import { useI18n } from '../i18n';
import { ExternalLink } from './ExternalLink';

const STEP_TONE: Record<Advice['nextStep'], 'go' | 'wait' | 'fix' | 'stop' | 'unknown'> = {
  'contact-orange': 'go',
  'wait-and-retry': 'wait',
  'fix-configuration': 'fix',
  'delist-elsewhere': 'fix',
  'not-an-abuse-desk-case': 'stop',
  unknown: 'unknown',
};

export function AdviceCard({
  advice,
  incident,
}: {
  advice: SteppedAdvice | null;
  incident: Incident | null;
}) {
  const { t, lang } = useI18n();
  if (!advice || !incident)
    return (
      <section className="panel advice is-empty" aria-labelledby="advice-title">
        <h2 id="advice-title" tabIndex={-1}>
          {t('advice.title')}
        </h2>
        <p className="hint">{t('advice.empty')}</p>
      </section>
    );
  // A refusal that is not Orange's (with a reply or a server to show for it): nothing for Orange's desk.
  const provider = incident.isOrange ? null : otherProvider(incident);
  const notOrange = refusedElsewhere(incident);
  const tone = notOrange ? 'stop' : STEP_TONE[advice.nextStep];
  const reason = incident.orange?.reason;
  const headline = !notOrange
    ? t(`advice.step.${advice.nextStep}`)
    : provider
      ? t('advice.step.otherProvider', { provider })
      : t('advice.step.notOrange');
  const contact = notOrange
    ? t('advice.notOrangeContact')
    : advice.contactAbuseDesk
      ? t('advice.contact')
      : t('advice.noContact');
  return (
    <section className={`panel advice advice--${tone}`} aria-labelledby="advice-title">
      <header className="panel-header">
        {/* Focusable by script only: an incident opened from the history starts here (Workspace). */}
        <h2 id="advice-title" tabIndex={-1}>
          {t(notOrange ? 'advice.titleNotOrange' : 'advice.title')}
        </h2>
        {incident.orange?.token && (
          <span className="badge badge--code">
            {incident.orange.token}
            {reason !== null && reason !== undefined && (
              <span className="visually-hidden"> {t('advice.reason', { reason })}</span>
            )}
          </span>
        )}
      </header>
      <div className="next-step">
        <p className="next-step-label">{t('advice.nextStep')}</p>
        <p className="next-step-text" data-step={advice.nextStep}>
          {headline}
        </p>
        <p className="next-step-contact">{contact}</p>
      </div>
      {/* One paragraph per step (what the code means, what to do, how long, a 999's trigger...): as one
          paragraph a 999's advice ran to ten sentences. */}
      <div className="advice-summary">
        {advice.steps.map((step) => (
          <p key={step.en}>{step[lang]}</p>
        ))}
      </div>
      {advice.links.length > 0 && (
        <nav aria-label={t('advice.links')}>
          <ul className="advice-links">
            {advice.links.map((link) => (
              <li key={link.url}>
                <ExternalLink url={link.url}>{link.label[lang]}</ExternalLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
