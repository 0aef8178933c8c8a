/**
 * The date of a notice a person forwarded inline, from the header lines their mail client wrote above
 * it: Gmail's `---------- Forwarded message ---------` (`Date: Tue, Dec 17, 2019 at 10:00 AM`, in French
 * `Date: mar. 17 déc. 2019 à 10:00`), Outlook's rule of underscores then `From:`/`Sent:` (`De :`/`Envoyé :
 * mardi 17 décembre 2019 10:00`, with a no-break space before the colon), Apple Mail's `Begin forwarded
 * message:` / `Début du message réexpédié :` then `From:`/`Subject:`/`Date:`/`To:`. That is when the
 * notice came; the forwarding message's own Date is only when it was passed on, often a day later.
 */
import { clientDate } from './client-date';
import { parseDate } from './dates';
import { slashedOrderOf } from './forward-date-order';

/**
 * A forward's separator line, as mail clients write it (Gmail, Outlook, Apple Mail, Thunderbird), in English,
 * French, and the languages of Orange's neighbours whose users forward bounces too (German, Italian, Spanish,
 * Portuguese, Dutch); Apple Mail's in Polish, Danish, Norwegian, Swedish and Finnish
 * (`Początek przekazywanej wiadomości:`, `Start på videresendt besked:`, `Videresendt melding:`,
 * `Vidarebefordrat mejl:`, `Välitetty viesti alkaa:`), Italian and Spanish (`Inizio messaggio inoltrato:`,
 * `Inicio del mensaje reenviado:`, crisp-oss/email-forward-parser's apple_mail_it/es fixtures) and Gmail's
 * older Swedish one (`---------- Vidarebefordrat meddelande ----------`; today's Gmail writes
 * `Forwarded message` in every language); Thunderbird's in those languages (`-------- Videresendt
 * meddelelse --------`, `-------- Videresendt melding --------`, Swedish as Gmail's,
 * `-------- Välitetty viesti / Fwd.Msg --------`, `--- Treść przekazanej wiadomości ---`, as
 * crisp-oss/email-forward-parser's thunderbird_*_body.txt fixtures show); also the rule of underscores
 * Outlook puts above a forward's header lines; Yahoo's French `----- Message transmis -----`
 * (crisp-oss/email-forward-parser's yahoo_fr_body.txt); Roundcube's in French (`-------- Courriel
 * original --------`, `Message original` before its translation changed).
 */
export const FORWARD_MARKER =
  /^\s{0,4}(?:_{20,}|-{5,}\s?Forwarded message\s?-{5,}|-{3,}\s?Original Message\s?-{3,}|Begin forwarded message:|-{5,}\s?Message (?:transf[ée]r[ée]|transmis)\s?-{5,}|D[ée]but du message r[ée]exp[ée]di[ée]\s?:|(?:Początek przekazywanej wiadomości|Start på videresendt besked|Videresendt melding|Vidarebefordrat mejl|Välitetty viesti alkaa|Inizio messaggio inoltrato|Inicio del mensaje reenviado)\s?:|-{5,}\s?Vidarebefordrat meddelande\s?-{5,}|-{5,}\s?Videresendt (?:meddelelse|melding)\s?-{5,}|-{5,}\s?Välitetty viesti \/ Fwd\.Msg\s?-{5,}|-{3,}\s?Treść przekazanej wiadomości\s?-{3,}|-{3,}\s?Message d'origine\s?-{3,}|-{3,}\s?(?:Courriel|Message) original\s?-{3,}|-{3,}\s?(?:Original-Nachricht|Urspr[üu]ngliche Nachricht|Weitergeleitete Nachricht|Messaggio (?:originale|inoltrato)|Mensaje (?:original|reenviado)|Mensagem (?:original|encaminhada)|Oorspronkelijk bericht|Doorgestuurd bericht)\s?-{3,})\s*$/i;

/**
 * From, and Outlook's Sent, in English, French, German (`Von:`, `Gesendet:`), Polish, Danish and Norwegian,
 * Swedish, Finnish; Date as Gmail and Apple Mail write it in those languages (Gmail keeps `Date:` in English,
 * Apple Mail writes `Data:`, `Dato:`, `Datum:`, `Päivämäärä:`); Thunderbird's Polish `Nadawca:` and Finnish
 * `Päiväys:`.
 */
const FORWARDED_FROM = /^\s{0,4}(?:From|De|Von|Od|Nadawca|Fra|Från|Lähettäjä)\s{0,4}:/i;
const FORWARDED_DATE =
  /^\s{0,4}(Date|Data|Dato|Datum|Päivämäärä|Päiväys|Sent|Envoy[ée]|Gesendet|Wysłane|Sendt|Skickat|Lähetetty)\s{0,4}:\s{0,4}(\S.{8,80})$/i;
/** Outlook's sent labels (the others are a Date, Gmail's or Apple Mail's); German Outlook's `Gesendet:`. */
export const OUTLOOK_SENT_LABEL = /^(?:Sent|Envoy[ée]|Gesendet|Wysłane|Sendt|Skickat|Lähetetty)/i;

export interface ForwardedDate {
  /** The date as an ISO text: with its offset when the line gave a zone, else `YYYY-MM-DDTHH:MM:SS`. */
  text: string;
  hadZone: boolean;
  /** The line the date was read from. */
  line: string;
  /** Outlook's `Sent:`/`Envoyé :` label (Gmail and Apple Mail write `Date:`). */
  outlook: boolean;
}

/**
 * The date of the header lines under a forward's separator (the few lines after it), when their From is
 * a mail system's (`isSystemFrom`), or null. A date without zone (the forwarder's client writes its own
 * local time) comes back zone-less, for the caller to place.
 */
export function forwardedNoticeDate(
  lines: readonly string[],
  isSystemFrom: (line: string) => boolean,
): ForwardedDate | null {
  const from = lines.find((l) => FORWARDED_FROM.test(l));
  if (!from || !isSystemFrom(from)) return null;
  for (const line of lines) {
    const m = FORWARDED_DATE.exec(line);
    const value = m?.[2];
    if (!m || !value) continue;
    const outlook = OUTLOOK_SENT_LABEL.test(m[1] as string);
    // A slashed date reads day first only under a day-first language's labels (forward-date-order.ts).
    const parsed = parseDate(value) ?? clientDate(value, slashedOrderOf(m[1] as string, lines));
    if (!parsed) return null;
    if (parsed.hadZone) return { text: parsed.iso, hadZone: true, line, outlook };
    const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(parsed.iso)?.[0];
    return text ? { text, hadZone: false, line, outlook } : null;
  }
  return null;
}
