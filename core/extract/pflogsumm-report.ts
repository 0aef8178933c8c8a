/**
 * pflogsumm's daily Postfix report, as admins paste it: its detail sections list each refusal once,
 * with how many times it came, under the Postfix service (deferrals) or the relay (bounces):
 *
 *     message deferral detail
 *     -----------------------
 *       smtp (total: 41)
 *             27   mwinf5c36 ME Service refuse. Veuillez essayer plus tard. S...
 *
 *     message bounce detail (by relay)
 *     --------------------------------
 *       smtp-in.orange.fr[80.12.242.10]:25 (total: 3)
 *              3   5.2.0 Mail rejete. Mail rejected. OFR_506 [506] (in reply t...
 *
 * (pflogsumm.pl: `print_nested_hash`, a title, its dashes, a group line with its total, `%6d   ` and the
 * reason.) Unless run with `--verbose-msg-detail`, pflogsumm keeps the reason after `said:` or the first `: `
 * (or `:`) until it is short enough, else cuts it to 62 characters and `...`, and drops its three-digit code:
 * Orange's token is then often lost, or all but the end of its Cloudmark link
 * (`//csi.cloudmark.com/reset-request/?ip=... [102]`, cut at its `http:`). Each line is read as a reply, with
 * that said beside it.
 */
import type { Note } from '../types';

export interface PflogsummReply {
  /** The reason as the report gives it, pflogsumm's cut `(in reply t...` left out. */
  text: string;
  /** 0-based index, in the paragraph, of its line. */
  lineIndex: number;
  /** The relay of a bounce group (`host[ip]:port`), when the group names one. */
  remoteHost: string | null;
  remoteIp: string | null;
  /** 0-based index of the group line naming the relay. */
  remoteLineIndex: number | null;
  note: Note | null;
}

/** A detail section's title, with its dashes below. */
export const PFLOGSUMM_TITLE =
  /^message (?:deferral detail|bounce detail \(by relay\))(?: \(top \d{1,6}\))?\s*$/;
const DASHES = /^-{10,}\s*$/;
const GROUP = /^ {2}(\S[^\n]{0,300}?)(?: \(top \d{1,6}\))? \(total: \d{1,12}\)\s*$/;
// (`%6d%s  `: the count, a unit for thousands or millions, or a space.)
const ITEM = /^ {4,}\d{1,12}(?:[km] {2}| {3})(\S[^\n]{0,4000})$/;
const RELAY = /^([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?$/;
/** A whole reason's Postfix wording (`--verbose-msg-detail`): the reply after it. */
const SAID = /(?:\bsaid|refused to talk to me):\s{1,4}(?=[245]\d\d[\s-])/;
const HOST = /\bhost\s([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[([0-9A-Fa-f:.]{2,45})\]/;
/** pflogsumm's cut, where it falls in Postfix's own words after the reply. */
const CUT_WRAPPER = /\s\((?:i|in|in [a-z ]{0,30})\.\.\.$/;
const CUT = /\.\.\.$/;

const CUT_BY_REPORT: Note = {
  code: 'pflogsumm-reply-cut',
  text: {
    fr: 'Le rapport de pflogsumm abrège les réponses longues (points de suspension) et en retire le code à trois chiffres\u00a0: le motif d’Orange ou l’adresse d’envoi nommée dans son lien peuvent manquer. Le ticket doit citer la réponse entière\u00a0: relancez pflogsumm avec --verbose-msg-detail, ou reprenez la ligne complète dans le journal de Postfix.',
    en: 'The pflogsumm report shortens long replies (ellipsis) and drops their three-digit code: Orange’s reason, or the sending address its link names, may be missing. The ticket must quote the whole reply: run pflogsumm again with --verbose-msg-detail, or take the full line from Postfix’s log.',
  },
};

const CODE_DROPPED: Note = {
  code: 'pflogsumm-code-dropped',
  text: {
    fr: 'Le rapport de pflogsumm retire le code à trois chiffres du début des réponses\u00a0: relancez pflogsumm avec --verbose-msg-detail, ou reprenez la ligne dans le journal de Postfix, pour l’avoir.',
    en: 'The pflogsumm report drops the three-digit code at the start of replies: run pflogsumm again with --verbose-msg-detail, or take the line from Postfix’s log, to get it.',
  },
};

const HEAD_CUT: Note = {
  code: 'pflogsumm-reply-head-cut',
  text: {
    fr: 'Le rapport de pflogsumm n’a gardé que la fin de cette réponse, après un deux-points (ici celui de «\u00a0http:\u00a0»), sans son code ni le début de ses mots\u00a0: le ticket doit citer la réponse entière. Relancez pflogsumm avec --verbose-msg-detail, ou reprenez la ligne complète dans le journal de Postfix.',
    en: 'The pflogsumm report kept only the end of this reply, after a colon (here the one of “http:”), without its code or its first words: the ticket must quote the whole reply. Run pflogsumm again with --verbose-msg-detail, or take the full line from Postfix’s log.',
  },
};

/** The replies of a paragraph that is one of pflogsumm's detail sections, or null when it is not. */
export function pflogsummReplies(lines: readonly string[]): PflogsummReply[] | null {
  if (!PFLOGSUMM_TITLE.test(lines[0] ?? '') || !DASHES.test(lines[1] ?? '')) return null;
  const found: PflogsummReply[] = [];
  let relay: { host: string; ip: string; line: number } | null = null;
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const group = GROUP.exec(line);
    if (group) {
      const named = RELAY.exec(group[1] ?? '');
      relay = named ? { host: named[1] ?? '', ip: named[2] ?? '', line: i } : null;
      continue;
    }
    const item = ITEM.exec(line);
    if (!item) continue;
    let text = (item[1] ?? '').trimEnd();
    let remote = relay;
    const said = SAID.exec(text);
    if (said) {
      const host = HOST.exec(text.slice(0, said.index));
      if (host) remote = { host: host[1] ?? '', ip: host[2] ?? '', line: i };
      text = text.slice(said.index + said[0].length);
    }
    // A cut that fell in Postfix's words after the reply leaves the reply whole.
    const wrapperCut = CUT_WRAPPER.test(text);
    text = text.replace(CUT_WRAPPER, '');
    const cut = !wrapperCut && CUT.test(text);
    // Postfix's own words after a whole reply (`... [506] (in reply to end of DATA command)`).
    text = text.replace(/\s\(in reply to [^()]{1,60}\)$/, '');
    const coded = /^[245]\d\d(?:[ -]|$)/.test(text);
    found.push({
      text,
      lineIndex: i,
      remoteHost: remote?.host ?? null,
      remoteIp: remote?.ip ?? null,
      remoteLineIndex: remote?.line ?? null,
      // (Cut at a colon until short enough: a link's `http:` leaves `//host/...`.)
      note: cut ? CUT_BY_REPORT : text.startsWith('//') ? HEAD_CUT : coded ? null : CODE_DROPPED,
    });
  }
  return found;
}
