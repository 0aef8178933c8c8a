/**
 * What a paste's result goes through once it is read (afterReading): passes that fill or fix fields
 * from the whole paste's text rather than from the lines an incident was read from, two of them here.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { withForumShortenedLinks } from './forum-shortened-link';
import { withMaskedLinkAddresses } from './masked-link-ip';
import { NOTES } from './notes';
import { withNoticeArrivalClock } from './notice-arrival-clock';
import { withPageHiddenAddresses } from './page-hidden-addresses';
import { withPanelFields } from './panel-detail-fields';
import { withFullHostNamesInPaste } from './paste-full-host-names';
import { withTriggersInPaste } from './paste-triggers';
import { withPostalDeliveryTime } from './postal-delivery-time';
import { datedByAttribution } from './quote-attribution-date';
import { withLogYearFromMessage } from './quoted-log-year';
import { withReasonNotTold } from './shared-orange-wording';
import { isTestProbe } from './test-tools';
import { withZimbraMsgtrace } from './zimbra-msgtrace';

/**
 * The passes over a paste's result once it is read, each filling or fixing fields from the whole paste's
 * text: panel detail views, Postal's attempt time, Zimbra's msgtrace, the quote's attribution date, the
 * year a quoted log line leaves out, a test tool's probes left out, UTC written as an offset, Orange's
 * wording that tells no reason, a forum's shortened links, addresses a redaction masked in a reply,
 * addresses a page hid, a short syslog host's full name given elsewhere in the paste, a log host's clock
 * shown by the Arrival-Date of a notice of the same message.
 */
export function afterReading(
  result: ExtractionResult,
  text: string,
  options: ExtractOptions,
): ExtractionResult {
  return withFullHostNamesInPaste(
    withPageHiddenAddresses(
      withMaskedLinkAddresses(
        withForumShortenedLinks(
          withReasonNotTold(
            withUtcAsOffset(
              withoutTestProbes(
                withTriggersInPaste(
                  withNoticeArrivalClock(
                    withLogYearFromMessage(
                      datedByAttribution(
                        withZimbraMsgtrace(
                          withPostalDeliveryTime(withPanelFields(result, text, options), text, options),
                          text,
                        ),
                        text,
                        options,
                      ),
                      text,
                      options,
                    ),
                    text,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      text,
    ),
    text,
  );
}

/**
 * Every date written with its offset, UTC's as `+00:00` (the CLI's documented form): the log readers
 * keep a stamp's `Z` (KumoMTA's events, `docker logs -t`, `journalctl -o short-unix`), the others write
 * `+00:00`, and a script comparing dates as text should not see two forms of one zone.
 */
function withUtcAsOffset(result: ExtractionResult): ExtractionResult {
  const inZ = (date: string | null | undefined) => date?.endsWith('Z') === true;
  if (!result.incidents.some((i) => inZ(i.occurredAt) || inZ(i.trigger?.occurredAt))) return result;
  const offset = (date: string) => (date.endsWith('Z') ? `${date.slice(0, -1)}+00:00` : date);
  const incidents = result.incidents.map((i) => {
    if (!inZ(i.occurredAt) && !inZ(i.trigger?.occurredAt)) return i;
    const occurredAt = i.occurredAt === null ? null : offset(i.occurredAt);
    const trigger = i.trigger?.occurredAt
      ? { ...i.trigger, occurredAt: offset(i.trigger.occurredAt) }
      : i.trigger;
    return { ...i, occurredAt, trigger };
  });
  return { ...result, incidents };
}

/** The result without a test tool's probes refused by the user's own server (test-tools.ts), saying so. */
function withoutTestProbes(result: ExtractionResult): ExtractionResult {
  if (result.incidents.length === 0 || !result.incidents.every(isTestProbe)) return result;
  // The warnings about the incidents' empty fields go with them.
  const warnings = result.warnings.filter((w) => !w.code.startsWith('missing.'));
  return { incidents: [], warnings: [NOTES.testProbe(), ...warnings] };
}
