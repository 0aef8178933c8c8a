/** The warnings the log scanner gives about a whole log (scanner.ts), in French and English. */
import type { Note } from '../../types';

export const NOTES = {
  noRejection: {
    code: 'log-no-rejection',
    text: {
      fr: 'Aucun refus d’un serveur distant n’a été trouvé dans ce journal.',
      en: 'No rejection by a remote server was found in this log.',
    },
  },
  evicted: (n: number): Note => ({
    code: 'log-state-evicted',
    text: {
      fr: `${n} identifiants de file d’attente ont été oubliés faute de place : l’expéditeur de certains refus peut manquer.`,
      en: `${n} queue ids were forgotten to keep memory bounded: the sender of some rejections may be missing.`,
    },
  }),
  truncated: (n: number): Note => ({
    code: 'log-lines-truncated',
    text: {
      fr: n === 1 ? '1 ligne trop longue a été coupée.' : `${n} lignes trop longues ont été coupées.`,
      en: n === 1 ? '1 over-long line was cut.' : `${n} over-long lines were cut.`,
    },
  }),
  noSendingIp: (n: number): Note => ({
    code: 'log-no-sending-ip',
    text: {
      fr: `${n} refus sans adresse IP d’envoi : le journal ne l’indique pas. Complétez-${n === 1 ? 'la' : 'les'} à la main.`,
      en:
        n === 1
          ? '1 rejection without a sending IP: the log does not record it. Please fill it in.'
          : `${n} rejections without a sending IP: the log does not record them. Please fill them in.`,
    },
  }),
  noSendingDomain: (n: number): Note => ({
    code: 'log-no-sending-domain',
    text: {
      fr:
        n === 1
          ? '1 refus sans domaine d’envoi : l’extrait ne contient pas la ligne où le serveur note l’expéditeur du message (par exemple « from=<…> » chez Postfix et Sendmail, « <= » chez Exim). Complétez le domaine d’envoi à la main.'
          : `${n} refus sans domaine d’envoi : l’extrait ne contient pas les lignes où le serveur note l’expéditeur de leurs messages (par exemple « from=<…> » chez Postfix et Sendmail, « <= » chez Exim). Complétez leur domaine d’envoi à la main.`,
      en:
        n === 1
          ? '1 rejection without a sending domain: the excerpt lacks the line where the server records the message’s sender (e.g. “from=<…>” in Postfix and Sendmail, “<=” in Exim). Please fill in the sending domain.'
          : `${n} rejections without a sending domain: the excerpt lacks the lines where the server records their messages’ senders (e.g. “from=<…>” in Postfix and Sendmail, “<=” in Exim). Please fill in their sending domains.`,
    },
  }),
  // The sender line is there (`2B706C064A: from=<>` in a relay's log on GitHub, `from=<info@......>`
  // in a 2016 Plesk forum post, sendmail's `from=www-data`): saying the excerpt lacks it would send the
  // user looking for it.
  senderWithoutDomain: (n: number): Note => ({
    code: 'log-sender-without-domain',
    text: {
      fr:
        n === 1
          ? '1 refus sans domaine d’envoi\u00a0: l’expéditeur que le journal note pour ce message n’a pas de domaine (adresse vide, comme le «\u00a0from=<>\u00a0» d’un avis de non-remise, nom local ou adresse masquée). Complétez le domaine d’envoi à la main.'
          : `${n} refus sans domaine d’envoi\u00a0: les expéditeurs que le journal note pour leurs messages n’ont pas de domaine (adresse vide, comme le «\u00a0from=<>\u00a0» d’un avis de non-remise, nom local ou adresse masquée). Complétez leur domaine d’envoi à la main.`,
      en:
        n === 1
          ? '1 rejection without a sending domain: the sender the log records for its message has no domain (empty, as in a bounce’s “from=<>”, a local name, or masked). Please fill in the sending domain.'
          : `${n} rejections without a sending domain: the senders the log records for their messages have no domain (empty, as in a bounce’s “from=<>”, a local name, or masked). Please fill in their sending domains.`,
    },
  }),
  // journalctl -r: the readers' order of events (attempt then status, error then 999) is upside down.
  reversed: {
    code: 'log-reversed',
    text: {
      fr: 'Ce journal est dans l’ordre inverse (les lignes les plus récentes d’abord, comme l’affiche «\u00a0journalctl -r\u00a0»)\u00a0: un même refus peut être compté deux fois, des expéditeurs peuvent manquer et les suspensions 999 ne sont pas liées à l’erreur qui les a déclenchées. Collez le journal dans l’ordre chronologique (sans «\u00a0-r\u00a0»).',
      en: 'This log is in reverse order (newest lines first, as “journalctl -r” prints it): one refusal may be counted twice, senders may be missing, and 999 suspensions are not linked to the errors that triggered them. Please paste the log in time order (without “-r”).',
    },
  },
  noDate: (n: number): Note => ({
    code: 'log-no-date',
    text: {
      fr:
        n === 1
          ? '1 refus sans date : sa ligne de journal n’en porte pas. Complétez-la à la main.'
          : `${n} refus sans date : leurs lignes de journal n’en portent pas. Complétez-les à la main.`,
      en:
        n === 1
          ? '1 rejection without a date: its log line carries none. Please fill it in.'
          : `${n} rejections without a date: their log lines carry none. Please fill them in.`,
    },
  }),
} as const;

/**
 * `warnings` with the note on rejections without a sending IP counted again, `n` of them (none: no note),
 * once some got an IP or an explanation after the scan (a trigger below them, a masked address).
 */
export function withSendingIpsMissing(warnings: readonly Note[], n: number): Note[] {
  return warnings.flatMap((w) =>
    w.code !== 'log-no-sending-ip' ? [w] : n > 0 ? [NOTES.noSendingIp(n)] : [],
  );
}
