/**
 * A bounce, an mbox or a JSON event pasted with words around it: a chat line before it (`Hi, we get
 * this bounce, any idea?`), an e-mail's attribution line, a signature after it (`-- ` then a name). The
 * readers expect the block at the top (a header block from the first line, JSON from its first
 * character), so the words hid it and the text was read as prose. The block is found where it starts
 * (a header block of known fields, an mbox `From ` line, log lines, a line opening JSON) among the first
 * lines, and for JSON where it ends; its lines keep their numbers in the paste. A forward's block
 * (`---------- Forwarded message ---------` and its From/Date/Subject/To lines) is words too, when what
 * it forwards is such a block; a notice forwarded as text is read from the forward's header lines on,
 * as a message, when they are mail headers (else whole, the forward's lines included).
 */
import { MBOX_FROM, startsWithHeaders } from './detect';
import { factsOf } from './formats/esp-facts';
import { parseJsonInput } from './formats/json-input';
import { isObj } from './formats/json-value';
import { slashedOrderOf } from './forward-date-order';
import { FORWARD_MARKER } from './forward-header-date';
import { FORWARD_PREFIXES } from './forward-subject';
import { closingLine } from './json-end';
import { detectLogFormat } from './logs';
import { NOTICE_FORWARD, runOnNoticeHeader } from './run-on-header';
import { trailingJson } from './trailing-json';
import { webmailHeaderTable } from './webmail-header-table';

export interface EmbeddedBlock {
  text: string;
  /** 0-based index, in the lines given, of the block's first line. */
  first: number;
  /** A delivery notice forwarded as text, read from the forward's header lines on. */
  forwardedNotice?: true;
  /**
   * For a notice forwarded under lines no separator opens (Outlook's copied `De :`/`Envoyé :`, Orange's
   * webmail's `Message du …`): how many of the text's first lines are those lines, whose date is the
   * client's (forward-block.ts reads the same lines in a message's body, with the note saying so).
   */
  headerLines?: number;
  /**
   * For each line of `text`, its 0-based index in the lines given, when the text is not those lines as
   * they are (an empty line put back after the forward's header lines).
   */
  lineIndex?: number[];
}

/** How many lines of words may come before a block. */
const MAX_LEAD_LINES = 8;
/** How many lines (another forward's, words) may come before a forward's separator. */
const MAX_FORWARD_LINES = 40;
const REPLY_CODE = /(?:^|\s)[245]\d\d[\s-]|[245]\.\d{1,3}\.\d{1,3}\b/;
// `{`, `[`, or a member of an object pasted without its braces (`"delivery-status": {`).
const OPENS_JSON = /^\s{0,40}(?:[{[]|"[A-Za-z0-9_.-]{1,64}"\s{0,4}:)/;
const CLOSES_JSON = /[}\]],?\s*$/;
/** A whole member of an object pasted without its braces (`"message": "5.7.1 ...",`), last of a paste. */
const MEMBER_LINE =
  /^\s{0,40}"[A-Za-z0-9_.-]{1,64}"\s{0,4}:\s{0,4}(?:"[^\n]*"|-?\d[\d.]*|true|false|null),?\s*$/;
/**
 * What words before a block must not hold: a field, a reply code (then they are part of what is read),
 * a forward's separator (`---------- Forwarded message ---------`, `-----Original Message-----`: the
 * forwarded notice is read whole as text, its headers and the returned copy's below it).
 */
const NOT_WORDS =
  /^[A-Za-z][A-Za-z0-9-]{0,76}:\s|(?:^|\s)[245]\d\d[\s-]|[245]\.\d{1,3}\.\d{1,3}\b|^\s{0,8}(?:-{3,}|_{5,})/;

/** True when line `i` starts an mbox, a mail's header block or log lines. */
function startsBlock(lines: readonly string[], i: number): boolean {
  const rest = lines.slice(i, i + 200);
  return MBOX_FROM.test(lines[i] as string) || startsWithHeaders(rest) || detectLogFormat(rest) !== null;
}

/**
 * The labels of a client's forward header lines in those languages, with the mail header each stands for
 * (Thunderbird's `Sujet :`/`Date :`/`De :`/`Pour :`, `Betreff:`/`Datum:`/`Von:`/`An:`, Outlook's
 * `Envoyé :`/`Gesendet:`..., and in Polish `Od:`/`Wysłane:`/`Do:`/`Temat:`, Danish and Norwegian
 * `Fra:`/`Sendt:`/`Til:`/`Emne:`, Swedish `Från:`/`Skickat:`/`Till:`/`Ämne:`, Finnish
 * `Lähettäjä:`/`Lähetetty:`/`Vastaanottaja:`/`Aihe:`; Apple Mail's `Data:`, `Dato:`, `Datum:`, `Päivämäärä:`
 * in those languages; Thunderbird's Polish `Nadawca:`/`Adresat:` and Finnish `Päiväys:`), so that the
 * forwarded notice is read as a message with its date and the address it went back to.
 */
const LOCAL_LABELS: Record<string, string> = {
  sujet: 'Subject',
  objet: 'Subject',
  betreff: 'Subject',
  oggetto: 'Subject',
  asunto: 'Subject',
  assunto: 'Subject',
  onderwerp: 'Subject',
  temat: 'Subject',
  emne: 'Subject',
  ämne: 'Subject',
  aihe: 'Subject',
  date: 'Date',
  datum: 'Date',
  data: 'Date',
  dato: 'Date',
  päivämäärä: 'Date',
  päiväys: 'Date',
  fecha: 'Date',
  de: 'From',
  von: 'From',
  da: 'From',
  van: 'From',
  od: 'From',
  fra: 'From',
  från: 'From',
  lähettäjä: 'From',
  nadawca: 'From',
  pour: 'To',
  à: 'To',
  a: 'To',
  an: 'To',
  para: 'To',
  aan: 'To',
  do: 'To',
  til: 'To',
  till: 'To',
  vastaanottaja: 'To',
  adresat: 'To',
  envoyé: 'Sent',
  gesendet: 'Sent',
  inviato: 'Sent',
  enviado: 'Sent',
  enviada: 'Sent',
  verzonden: 'Sent',
  wysłane: 'Sent',
  sendt: 'Sent',
  skickat: 'Sent',
  lähetetty: 'Sent',
};
// (Spanish Outlook's `Enviado el:`, Portuguese Outlook's `Enviada em:`; Polish `Wysłane:` has its ł
// outside Latin-1, Finnish `Vastaanottaja:` is 13 letters.)
const LABEL_LINE = /^(\s{0,4})([A-Za-zÀ-ÿł]{1,13})(?: el| em)?\s?:\s/;

/** True when the line starts with a header's label in another language than English (`Datum:`, `Sujet :`). */
function isLocalLabel(line: string): boolean {
  const label = LABEL_LINE.exec(line)?.[2]?.toLowerCase();
  const english = label ? LOCAL_LABELS[label] : undefined;
  return english !== undefined && english.toLowerCase() !== label;
}

/** A date in slashed numbers at a value's start (`04/05/2026 10:12`). */
const SLASHED_DATE = /^(\s{0,4})(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

/**
 * A forward's header line with its label in English (`Datum: ...` as `Date: ...`), else as it is. A
 * date in slashed numbers under a label of a day-first language (`Envoyé : 04/05/2026 10:12`,
 * forward-date-order.ts; `block`: the forward's lines, French `Date :` told by `De :`) is written
 * with dots (`04.05.2026`), the day-first form client-date.ts reads, as the English label no longer
 * tells its order.
 */
function englishLabel(line: string, block: readonly string[]): string {
  const m = LABEL_LINE.exec(line);
  const english = m?.[2] ? LOCAL_LABELS[m[2].toLowerCase()] : undefined;
  if (!m || !english) return line;
  const value = line.slice(m[0].length);
  const dayFirst =
    (english === 'Date' || english === 'Sent') && slashedOrderOf(m[2] as string, block) === 'day-first';
  return `${m[1]}${english}: ${dayFirst ? value.replace(SLASHED_DATE, '$1$2.$3.$4') : value}`;
}
/**
 * A forward's subject line (`Subject: Fwd: ...`, `Objet : TR: ...`, `Ämne: VB: ...`), its prefixes
 * forward-subject.ts's.
 */
const FORWARDED_SUBJECT = new RegExp(
  String.raw`^\s{0,4}(?:Subject|Sujet|Objet|Betreff|Oggetto|Asunto|Assunto|Onderwerp|Temat|Emne|Ämne|Aihe)\s?:\s{0,4}(?:${FORWARD_PREFIXES})\s?:`,
  'i',
);
const FIELD = /^\s{0,4}[A-Za-zÀ-ÿ][\wÀ-ÿ -]{0,40}\s?:\s/;
/**
 * Orange's webmail's line above the lines it quotes or forwards (`Message du 04/12/26 10:14`, then
 * `De :`, `A :`, `Copie à :`, `Objet :`, with no Date line): day, month, two-digit year, local time.
 */
const ORANGE_WEBMAIL = /^\s{0,4}Message du (\d{2})\/(\d{2})\/(\d{2}) (\d{2}:\d{2})\s*$/;

/**
 * Where a forward's header lines in another language start with no separator above them: the first
 * line, or a line after an empty one below a few lines of words (no reply among them), opening at least
 * three lines of local labels (`De :`, `Envoyé :`, `À :`); -1 when there is none.
 */
function unmarkedForward(lines: readonly string[], lead: number): number {
  for (let j = 0; j < lead; j++) {
    const line = lines[j] as string;
    if (j > 0 && REPLY_CODE.test(line)) return -1;
    if ((j > 0 && (lines[j - 1] as string).trim() !== '') || !isLocalLabel(line)) continue;
    if (j === 0) return 0;
    let labels = 0;
    for (let k = j; k < j + 12 && isLocalLabel((lines[k] as string | undefined) ?? ''); k++) labels++;
    if (labels >= 3) return j;
  }
  return -1;
}

/** The block a forward's header lines introduce, when it is one the readers know (not a notice's text). */
function forwardedBlock(lines: readonly string[], lead: number): EmbeddedBlock | null {
  let marker = -1;
  // Also under another forward's lines and a few words (Outlook's `From:`/`Sent:` block, then `Hi, ...`,
  // then Gmail's forward of the notice), as long as nothing above holds a reply.
  // A forward of a forward (a customer's Gmail forward of their own Thunderbird forward of the notice):
  // the innermost one's lines are the notice's own (its date, not the day it was passed on), as long as
  // no reply came before it.
  let reach = Math.min(lines.length, MAX_FORWARD_LINES);
  for (let i = 0; i < reach; i++) {
    const line = lines[i] as string;
    const opens = FORWARD_MARKER.test(line) || ORANGE_WEBMAIL.test(line);
    if (opens && (marker < 0 || FIELD.test(lines[i + 1] ?? ''))) {
      marker = i;
      reach = Math.min(lines.length, i + MAX_FORWARD_LINES);
    } else if ((marker >= 0 || i >= lead) && REPLY_CODE.test(line)) break;
  }
  // Else a notice's header lines as a mail client shows them in another language, copied from its first
  // line (Thunderbird's `Betreff:`, `Datum: 03.05.2020 23:07`, `Von:`, `An:`), or below a few words with
  // no separator (Outlook's `De :`/`Envoyé :`/`À :`/`Objet :` as its reading pane shows a forward, the
  // rule above them not copied): read as if under a separator.
  const unmarked = marker < 0 ? unmarkedForward(lines, lead) : -1;
  if (marker < 0 && unmarked < 0) return null;
  if (unmarked > 0) marker = unmarked - 1;
  let i = marker + 1;
  while (i < lines.length && i < marker + 12 && FIELD.test(lines[i] as string)) i++;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  if (i === marker + 1 || i >= lines.length) return null;
  if (startsBlock(lines, i)) return { text: lines.slice(i).join('\n'), first: i };
  const line = lines[i] as string;
  if (OPENS_JSON.test(line)) return embeddedJson(lines.slice(i), 1, i);
  // A reply or a notice's text: read alone unless the forward's own lines say it is a delivery notice
  // (its subject, its sender). Then, when they are mail headers (Thunderbird and Gmail copy the notice's
  // From, To, Subject and Date), the notice is read as a message from them on: its date and the address
  // it went back to (the sender's) are its own; otherwise the readers of a notice pasted as text use them.
  const forward = lines.slice(Math.max(marker, 0), i).join('\n');
  if (!NOTICE_FORWARD.test(forward)) return marker < 0 ? null : { text: lines.slice(i).join('\n'), first: i };
  // The lines of a message that itself forwarded the notice (`Subject: Fwd: Undelivered Mail...`): its
  // date is the day it was passed on, its sender the forwarder; the notice below is read alone.
  if (marker >= 0 && lines.slice(marker + 1, i).some((line) => FORWARDED_SUBJECT.test(line)))
    return { text: lines.slice(i).join('\n'), first: i };
  // A forward's lines in another language are read with their labels in English (the lines keep their
  // numbers: each value still points at its line of the paste).
  const block = lines.slice(marker + 1, i);
  const header = block.map((line) => englishLabel(line, block));
  if (!startsWithHeaders(header)) return null;
  // Orange's webmail gives the date on the line above (`Message du 04/12/26 10:14`): a client's line,
  // like Outlook's `Envoyé :`.
  const webmail = marker >= 0 ? ORANGE_WEBMAIL.exec(lines[marker] as string) : null;
  if (webmail) header.unshift(`Sent: ${webmail[1]}.${webmail[2]}.20${webmail[3]} ${webmail[4]}`);
  const first = webmail ? marker : marker + 1;
  const unseparated = webmail || unmarked > 0 ? { headerLines: header.length } : {};
  // A copy that lost its empty lines runs the notice's text on under the header lines: the empty line
  // that ends a header goes back in (pointing at the last header line).
  if ((lines[i - 1] as string).trim() !== '') {
    const body = lines.slice(i);
    const lineIndex = [...header.map((_, k) => first + k), i - 1, ...body.map((_, k) => i + k)];
    const text = [...header, '', ...body].join('\n');
    return { text, first, forwardedNotice: true, lineIndex, ...unseparated };
  }
  const text = [...header, ...lines.slice(i)].join('\n');
  return { text, first, forwardedNotice: true, ...unseparated };
}

/** The block the lines hold below or above some words, or null. */
export function embeddedBlock(lines: readonly string[]): EmbeddedBlock | null {
  const lead = Math.min(lines.length, MAX_LEAD_LINES + 1);
  const forwarded = forwardedBlock(lines, lead);
  if (forwarded) return forwarded;
  for (let i = 0; i < lead; i++) {
    // A webmail's table of the notice's header fields, under its subject line (webmail-header-table.ts).
    const table = (lines[i] as string).includes('\t') ? webmailHeaderTable(lines, i) : null;
    if (table) return { ...table, first: i };
    const above = i > 0 ? (lines[i - 1] as string) : '';
    if (above.trim() !== '' && NOT_WORDS.test(above)) break;
    if ((lines[i] as string).trim() === '') continue;
    if (i > 0 && startsBlock(lines, i)) return { text: lines.slice(i).join('\n'), first: i };
    const runOn = runOnNoticeHeader(lines, i);
    if (runOn) return { ...runOn, first: i };
  }
  return embeddedJson(lines, lead) ?? trailingJson(lines);
}

/**
 * JSON between words: from the first line opening it to the last line closing it (`offset`: where `lines`
 * start).
 */
function embeddedJson(lines: readonly string[], lead: number, offset = 0): EmbeddedBlock | null {
  let last = lines.length - 1;
  while (last > 0 && !CLOSES_JSON.test(lines[last] as string) && !MEMBER_LINE.test(lines[last] as string))
    last--;
  const byMember = !CLOSES_JSON.test(lines[last] as string);
  const trailing = lines.slice(last + 1).some((l) => l.trim() !== '');
  // Each line that may open it, in turn (a chat's `[10:14] Jean Dupont` opens nothing), three at most:
  // each try parses the rest of the paste.
  let tries = 0;
  for (let first = 0; first < lead && first <= last && tries < 3; first++) {
    if (!OPENS_JSON.test(lines[first] as string)) continue;
    // (The whole paste was parsed already: no try.)
    const whole = first === 0 && offset === 0 && !trailing;
    if (!whole) tries++;
    const text = lines.slice(first, last + 1).join('\n');
    const values = whole ? null : parseJsonInput(text);
    // Members ending the paste without a closing brace are an event's only when they describe one (a
    // map of domains to replies, `"orange.fr" : "smtp;421 ...",`, is read as the lines it is).
    if (values && (!byMember || values.some((v) => isObj(v) && factsOf(v).length > 0)))
      return { text, first: offset + first };
    // Else it may end higher, where the brackets it opens close, with replies below it (json-end.ts).
    const closing = values ? -1 : closingLine(lines, first);
    if (closing < 0 || closing >= last) continue;
    const value = lines.slice(first, closing + 1).join('\n');
    if (parseJsonInput(value)?.some((v) => isObj(v) && factsOf(v).length > 0))
      return { text: value, first: offset + first };
  }
  return null;
}
