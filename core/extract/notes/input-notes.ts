/**
 * The notes on reading the input: empty, binary, too large, its character set and encodings, the parts
 * and messages read or passed over, a log that could not be read.
 */
import type { FieldName } from '../../types';
import { capitalized, FIELD_LABELS } from './field-labels';
import { note } from './note';

export const INPUT_NOTES = {
  empty: () => note('input.empty', 'Le texte est vide.', 'The text is empty.'),
  binary: () =>
    note(
      'input.binary',
      'Ce fichier ressemble à un fichier binaire (image, archive…), pas à un texte de rebond : rien n’a été lu.',
      'This looks like a binary file (image, archive…), not a bounce text: nothing was read.',
    ),
  truncated: (limitMb: number) =>
    note(
      'input.truncated',
      `Le texte dépasse ${limitMb} Mo : seuls les ${limitMb} premiers Mo ont été lus.`,
      `The text is larger than ${limitMb} MB: only the first ${limitMb} MB were read.`,
    ),
  /** `input.gzip-cut` or `input.zstd-cut`, as the compressed data that ends early is. */
  compressedCut: (format: 'gzip' | 'zstd') =>
    note(
      `input.${format}-cut`,
      `Les données ${format} s’arrêtent avant leur fin (fichier tronqué ou endommagé)\u00a0: seules les lignes d’avant ont été lues.`,
      `The ${format} data ends early (the file is cut short or damaged): only the lines before that point were read.`,
    ),
  /** `input.gzip-trailing`: bytes after the gzip data that start no member were ignored, as gzip(1) does. */
  gzipTrailing: () =>
    note(
      'input.gzip-trailing',
      'Des octets qui ne sont pas des données gzip suivent leur fin (ajoutés par un outil de copie ou de transfert)\u00a0: ils ont été ignorés, comme le fait gzip, et tout le texte a été lu.',
      'Bytes that are not gzip data follow its end (added by a copy or transfer tool): they were ignored, as gzip does, and all the text was read.',
    ),
  /** `input.zstd-checksum`: a zstd frame's content does not match the checksum it ends with. */
  checksumMismatch: () =>
    note(
      'input.zstd-checksum',
      'Les données zstd ne correspondent pas à leur somme de contrôle (fichier endommagé)\u00a0: le texte a été lu tel qu’il s’est décodé, mais une partie peut en être fausse. Vérifiez les champs trouvés dans le fichier d’origine.',
      'The zstd data does not match its checksum (the file is damaged): the text was read as it decoded, but part of it may be wrong. Check the fields found against the original file.',
    ),
  latin1: () =>
    note(
      'input.latin1',
      'Le texte n’était pas en UTF-8 : il a été lu comme Windows-1252 (Latin-1), à l’exception des parties qui déclarent un autre jeu de caractères, décodées selon celui-ci.',
      'The text was not UTF-8: it was read as Windows-1252 (Latin-1), except the parts that declare another character set, decoded with it.',
    ),
  declaredCharset: (charset: string) =>
    note(
      'input.declared-charset',
      `Le texte n’était pas en UTF-8 : il a été lu dans le jeu de caractères qu’il déclare (${charset}).`,
      `The text was not UTF-8: it was read in the character set it declares (${charset}).`,
    ),
  accentsRepaired: () =>
    note(
      'input.accents-repaired',
      'Des caractères accentués étaient mal décodés (de l’UTF-8 lu comme du Windows-1252 : « RÃ©ponse » pour « Réponse ») : les lignes concernées ont été relues en UTF-8. Vérifiez-les.',
      'Some accented characters were garbled (UTF-8 read as Windows-1252: "RÃ©ponse" for "Réponse"): those lines were re-read as UTF-8. Check them.',
    ),
  quotedPrintableDecoded: () =>
    note(
      'input.quoted-printable-decoded',
      'Le texte était encodé en quoted-printable sans ses en-têtes (des « = » en fin de ligne, « =E9 » pour « é ») : il a été décodé avant d’être lu.',
      'The text was quoted-printable without its headers ("=" at line ends, "=E9" for "é"): it was decoded before being read.',
    ),
  nothingFound: () =>
    note(
      'input.no-incident',
      'Aucune réponse SMTP ni aucun rebond n’a été reconnu dans ce texte.',
      'No SMTP reply or bounce was recognised in this text.',
    ),
  outlookMsgAttachment: (name: string) =>
    note(
      'input.outlook-msg',
      `Ce message joint un fichier .msg d’Outlook («\u00a0${name}\u00a0»), mais aucun rebond n’a pu y être lu (fichier endommagé ou tronqué\u00a0?), ni dans le reste du message. Si c’est le rebond, ouvrez-le dans Outlook et collez ici son texte, avec si possible ses en-têtes (Fichier > Propriétés > En-têtes Internet), ou demandez au client de transférer le rebond lui-même plutôt qu’un fichier enregistré.`,
      `This message attaches an Outlook .msg file ("${name}"), but no bounce could be read from it (a damaged or cut file?) nor from the rest of the message. If it is the bounce, open it in Outlook and paste its text here, with its headers if possible (File > Properties > Internet headers), or ask the customer to forward the bounce itself rather than a saved file.`,
    ),
  outlookRtfDamaged: (detail: string) =>
    note(
      'input.outlook-rtf-damaged',
      `Ce fichier .msg d’Outlook ne garde le texte du message qu’en RTF compressé, et ce RTF est endommagé (${detail})\u00a0: le texte n’a pas pu être lu. Ouvrez le message dans Outlook et collez ici son texte, avec si possible ses en-têtes (Fichier > Propriétés > En-têtes Internet).`,
      `This Outlook .msg file keeps the message's text only as compressed RTF, and that RTF is damaged (${detail}): the text could not be read. Open the message in Outlook and paste its text here, with its headers if possible (File > Properties > Internet headers).`,
    ),
  mimeError: (detail: string) =>
    note(
      'input.mime-error',
      `Le message n’a pas pu être décodé entièrement (${detail}) ; lecture du texte brut.`,
      `The message could not be fully decoded (${detail}); the raw text was read instead.`,
    ),
  damagedBase64: () =>
    note(
      'input.damaged-base64',
      'Une partie du message annoncée en base64 contient des lignes qui ne sont pas du base64 (texte envoyé tel quel ou abîmé en route)\u00a0: elles ont été lues telles quelles, le reste décodé. Vérifiez les champs trouvés dans cette partie.',
      'A part of the message labelled base64 holds lines that are not base64 (text sent as it is, or damaged on the way): they were read as written, the rest decoded. Check the fields found in that part.',
    ),
  decodedPart: (field: FieldName, line: number) =>
    note(
      `source.decoded.${field}`,
      `${capitalized(FIELD_LABELS[field].fr)} provient d’une partie encodée (base64 ou quoted-printable) ; la ligne ${line} indiquée est le début de cette partie.`,
      `${capitalized(FIELD_LABELS[field].en)} comes from an encoded part (base64 or quoted-printable); line ${line} is where that part starts.`,
    ),
  decodedAttachment: (line: number) =>
    note(
      'source.decoded-attachment',
      `Le rebond a été lu dans le message joint à partir de la ligne ${line}, encodé par le logiciel de messagerie (base64 ou quoted-printable) et décodé avant lecture, comme s’il avait été collé seul\u00a0: ses valeurs n’apparaissent pas en clair dans le texte, la ligne ${line} indiquée est le début de cette pièce jointe.`,
      `The bounce was read from the message attached at line ${line}, which the mail client had encoded (base64 or quoted-printable) and which was decoded before being read, as if pasted alone: its values are not in the text as written; line ${line} is where that attachment starts.`,
    ),
  postmasterCopies: (n: number) =>
    note(
      'input.postmaster-copy',
      n === 1
        ? 'Une copie pour le postmaster («\u00a0Postmaster Copy\u00a0») d’un avis de non-remise déjà présent dans ce fichier (même identifiant de file d’attente Postfix) n’a pas été comptée une seconde fois.'
        : `${n} copies pour le postmaster («\u00a0Postmaster Copy\u00a0») d’avis de non-remise déjà présents dans ce fichier (mêmes identifiants de file d’attente Postfix) n’ont pas été comptées une seconde fois.`,
      n === 1
        ? 'A copy for the postmaster ("Postmaster Copy") of a bounce already in this file (the same Postfix queue id) was not counted twice.'
        : `${n} copies for the postmaster ("Postmaster Copy") of bounces already in this file (the same Postfix queue ids) were not counted twice.`,
    ),
  thunderbirdExpunged: (n: number) =>
    note(
      'input.thunderbird-expunged',
      n === 1
        ? 'Un message que Thunderbird a supprimé ou déplacé vers un autre dossier (X-Mozilla-Status), encore dans ce fichier tant que le dossier n’est pas compacté, n’a pas été lu.'
        : `${n} messages que Thunderbird a supprimés ou déplacés vers un autre dossier (X-Mozilla-Status), encore dans ce fichier tant que le dossier n’est pas compacté, n’ont pas été lus.`,
      n === 1
        ? 'A message Thunderbird deleted or moved to another folder (X-Mozilla-Status), still in this file until the folder is compacted, was not read.'
        : `${n} messages Thunderbird deleted or moved to another folder (X-Mozilla-Status), still in this file until the folder is compacted, were not read.`,
    ),
  logError: (detail: string) =>
    note(
      'input.log-error',
      `La lecture de ce journal a échoué (${detail.slice(0, 120)}) ; merci de signaler ce texte.`,
      `Reading this log failed (${detail.slice(0, 120)}); please report this text.`,
    ),
  logsUnavailable: () =>
    note(
      'input.logs-unavailable',
      'Ce texte ressemble à un journal de serveur de messagerie, mais la lecture des journaux n’est pas disponible.',
      'This text looks like a mail server log, but log reading is not available.',
    ),
};
