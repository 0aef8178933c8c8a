/** The errors the history store rejects with: a stable code and a message in both languages. */
import type { Localized } from '../../../core/types';

export type HistoryErrorCode = 'conflict' | 'not-found' | 'write-failed' | 'read-only' | 'invalid';

export class HistoryError extends Error {
  readonly code: HistoryErrorCode;
  readonly text: Localized;

  constructor(code: HistoryErrorCode, text: Localized, options?: { cause?: unknown }) {
    // The message carries both languages: over IPC only the message survives.
    super(`history ${code}: ${text.en} / ${text.fr}`, options);
    this.name = 'HistoryError';
    this.code = code;
    this.text = text;
  }
}

export const notFound = (id: string) =>
  new HistoryError('not-found', {
    en: `No incident with id ${id} in the history.`,
    fr: `Aucun incident d’identifiant ${id} dans l’historique.`,
  });

export const conflict = (id: string, stored: string, base: string | undefined) =>
  new HistoryError('conflict', {
    en: `Incident ${id} was changed elsewhere (saved copy of ${stored}, yours started from ${base ?? 'nothing'}). Nothing was overwritten: reopen it and apply your changes again.`,
    fr: `L’incident ${id} a été modifié ailleurs (copie enregistrée du ${stored}, la vôtre partait de ${base ?? 'rien'}). Rien n’a été écrasé\u00a0: rouvrez-le et refaites vos modifications.`,
  });

/** Turns a file-system error code into words a user can act on. */
export function describeWriteError(error: unknown, file: string): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        en: `The disk is full: the history could not be saved in ${file}. Free some space and save again; what was saved before is intact.`,
        fr: `Le disque est plein\u00a0: l’historique n’a pas pu être enregistré dans ${file}. Libérez de la place et réessayez\u00a0; ce qui était déjà enregistré est intact.`,
      };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return {
        en: `The history folder is not writable (${code}): ${file} could not be saved. Check the folder's permissions; what was saved before is intact.`,
        fr: `Le dossier de l’historique n’est pas accessible en écriture (${code})\u00a0: ${file} n’a pas pu être enregistré. Vérifiez ses droits\u00a0; ce qui était déjà enregistré est intact.`,
      };
    default:
      return {
        en: `The history could not be saved in ${file} (${code ?? String(error)}). What was saved before is intact.`,
        fr: `L’historique n’a pas pu être enregistré dans ${file} (${code ?? String(error)}). Ce qui était déjà enregistré est intact.`,
      };
  }
}

export const readOnly = (reason: Localized) =>
  new HistoryError('read-only', {
    en: `Saving is disabled to protect the existing history file: ${reason.en}`,
    fr: `L’enregistrement est désactivé pour protéger le fichier d’historique existant\u00a0: ${reason.fr}`,
  });
