/**
 * The five items Orange's abuse desk asks for, plus the rejecting host: every value editable, checked
 * as the user types, each showing the line of the pasted text it was read from.
 */
import { refusedElsewhere } from '../../../core/orange/other-provider';
import type { Incident, OrangeReply, SourceRef } from '../../../core/types';
import type { IncidentChecks } from '../engine/types';
import { useI18n } from '../i18n';
import { describedBy, FieldRow, type OnSource, TextFieldRow } from './FieldParts';
import { fieldOrigin } from './fieldOrigin';
import { ListField } from './ListField';

interface Props {
  incident: Incident;
  /** The incident as the text gave it (before the user's edits): a changed value was typed, not read. */
  read: Incident | null;
  checks: IncidentChecks;
  canRevert: boolean;
  onChange(incident: Incident): void;
  onRevert(): void;
  onSource: OnSource;
  /** A cited source line as the user pasted it (source/citedAsPasted.ts); as cited when not given. */
  asPasted?: (ref: SourceRef) => SourceRef;
}

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** Orange's token carries the reason in its last three digits (OFR006_102 → 102). */
function withToken(orange: OrangeReply | null, token: string): OrangeReply | null {
  const clean = orNull(token);
  const digits = clean ? /(\d{3})\D{0,3}$/.exec(clean) : null;
  const reason = digits?.[1] ? Number(digits[1]) : null;
  if (!clean && !orange?.server) return null;
  return { token: clean, reason, server: orange?.server ?? null };
}

export function FieldsForm({
  incident,
  read,
  checks,
  canRevert,
  onChange,
  onRevert,
  onSource,
  asPasted = (ref) => ref,
}: Props) {
  const { t, lang, date } = useI18n();
  const s = Object.fromEntries(
    Object.entries(incident.sources).map(([field, ref]) => [field, ref && asPasted(ref)]),
  ) as Incident['sources'];
  const r = read ?? incident;
  const v = checks.fields;
  const set = (changes: Partial<Incident>) => onChange({ ...incident, ...changes });
  const setReply = (changes: Partial<Incident['reply']>) => set({ reply: { ...incident.reply, ...changes } });
  const formatted = incident.occurredAt ? date(incident.occurredAt) : null;
  // The code's consistency shows under the code; under the text only "missing".
  const replyVerdict = checks.missing.includes('reply') ? v.reply : undefined;
  // Another provider's refusal: its reply, token and server are not called Orange's.
  const elsewhere = refusedElsewhere(incident);

  return (
    <section className="panel fields" aria-labelledby="fields-title">
      <header className="panel-header">
        <h2 id="fields-title">{t('fields.title')}</h2>
        {canRevert && (
          <button type="button" className="button button--quiet" onClick={onRevert}>
            {t('fields.reset')}
          </button>
        )}
      </header>

      <form className="field-grid" onSubmit={(e) => e.preventDefault()} aria-labelledby="fields-title">
        <TextFieldRow
          id="f-date"
          label={t('fields.occurredAt')}
          origin={fieldOrigin(incident.occurredAt, r.occurredAt, s.occurredAt)}
          onSource={onSource}
          verdict={v.occurredAt}
          help={<p className="field-note">{formatted ?? t('fields.occurredAtHelp')}</p>}
          value={incident.occurredAt ?? ''}
          placeholder="2026-11-29T10:15:00+01:00"
          onText={(text) => set({ occurredAt: orNull(text) })}
        />

        <ListField
          id="f-ips"
          label={t('fields.sendingIps')}
          addLabel={t('fields.addIp')}
          values={incident.sendingIps}
          verdicts={checks.sendingIps}
          listVerdict={v.sendingIps}
          origin={fieldOrigin(incident.sendingIps, r.sendingIps, s.sendingIps)}
          onSource={onSource}
          onChange={(sendingIps) => set({ sendingIps })}
        />

        <ListField
          id="f-hosts"
          label={t('fields.sendingHosts')}
          addLabel={t('fields.addHost')}
          values={incident.sendingHosts}
          verdicts={checks.sendingHosts}
          listVerdict={v.sendingHosts}
          origin={fieldOrigin(incident.sendingHosts, r.sendingHosts, s.sendingHosts)}
          onSource={onSource}
          onChange={(sendingHosts) => set({ sendingHosts })}
        />

        <TextFieldRow
          id="f-domain"
          label={t('fields.sendingDomain')}
          origin={fieldOrigin(incident.sendingDomain, r.sendingDomain, s.sendingDomain)}
          onSource={onSource}
          verdict={v.sendingDomain}
          value={incident.sendingDomain ?? ''}
          onText={(text) => set({ sendingDomain: orNull(text) })}
        />

        <fieldset className="field-set">
          <legend>{t(elsewhere ? 'fields.replyElsewhere' : 'fields.reply')}</legend>
          <div className="field-columns">
            <TextFieldRow
              id="f-code"
              label={t('fields.replyCode')}
              origin={fieldOrigin(incident.reply.code, r.reply.code, s.reply)}
              onSource={onSource}
              verdict={v.replyCode}
              short
              inputMode="numeric"
              maxLength={3}
              value={incident.reply.code?.toString() ?? ''}
              onText={(text) => {
                const digits = text.replace(/\D/g, '');
                setReply({ code: digits ? Number(digits) : null });
              }}
            />
            <TextFieldRow
              id="f-enhanced"
              label={t('fields.replyEnhanced')}
              origin={fieldOrigin(incident.reply.enhanced, r.reply.enhanced, s.reply)}
              onSource={onSource}
              short
              value={incident.reply.enhanced ?? ''}
              onText={(text) => setReply({ enhanced: orNull(text) })}
            />
            <TextFieldRow
              id="f-token"
              label={t(elsewhere ? 'fields.replyTokenElsewhere' : 'fields.replyToken')}
              origin={fieldOrigin(incident.orange?.token, r.orange?.token, s.orange ?? s.reply)}
              onSource={onSource}
              verdict={v.orange}
              value={incident.orange?.token ?? ''}
              onText={(text) => set({ orange: withToken(incident.orange, text) })}
            />
            <TextFieldRow
              id="f-server"
              label={t(elsewhere ? 'fields.replyServerElsewhere' : 'fields.replyServer')}
              origin={fieldOrigin(incident.orange?.server, r.orange?.server, s.orange ?? s.reply)}
              onSource={onSource}
              value={incident.orange?.server ?? ''}
              onText={(text) =>
                set({
                  orange: {
                    token: incident.orange?.token ?? null,
                    reason: incident.orange?.reason ?? null,
                    server: orNull(text),
                  },
                })
              }
            />
          </div>
          <FieldRow
            id="f-reply"
            label={t('fields.replyText')}
            origin={fieldOrigin(incident.reply.text, r.reply.text, s.reply)}
            onSource={onSource}
            verdict={replyVerdict}
          >
            <textarea
              id="f-reply"
              className="input input--text"
              rows={3}
              value={incident.reply.text}
              spellCheck={false}
              lang="und"
              onChange={(e) => setReply({ text: e.target.value })}
              {...describedBy('f-reply', replyVerdict)}
            />
          </FieldRow>
        </fieldset>

        <fieldset className="field-set">
          <legend>{t('fields.remote')}</legend>
          <div className="field-columns">
            <TextFieldRow
              id="f-rhost"
              label={t('fields.remoteHost')}
              origin={fieldOrigin(incident.remoteHost, r.remoteHost, s.remoteHost)}
              onSource={onSource}
              verdict={v.remoteHost}
              value={incident.remoteHost ?? ''}
              onText={(text) => set({ remoteHost: orNull(text) })}
            />
            <TextFieldRow
              id="f-rip"
              label={t('fields.remoteIp')}
              origin={fieldOrigin(incident.remoteIp, r.remoteIp, s.remoteIp)}
              onSource={onSource}
              verdict={v.remoteIp}
              value={incident.remoteIp ?? ''}
              onText={(text) => set({ remoteIp: orNull(text) })}
            />
          </div>
        </fieldset>

        {(incident.assumptions.length > 0 || incident.trigger) && (
          <div className="notes">
            {incident.assumptions.length > 0 && (
              <>
                <h3>{t('fields.assumptions')}</h3>
                <ul>
                  {incident.assumptions.map((note) => (
                    <li key={note.code}>{note.text[lang]}</li>
                  ))}
                </ul>
              </>
            )}
            {incident.trigger && (
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSource(incident.trigger?.line ?? null)}
                >
                  {t('fields.trigger', {
                    line: incident.trigger.line,
                    text: asPasted(incident.trigger).text.slice(0, 200),
                  })}
                </button>
              </p>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
