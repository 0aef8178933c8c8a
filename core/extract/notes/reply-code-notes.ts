/** The notes on the SMTP reply's code: missing, or read from the client's words. */
import { note } from './note';

export const REPLY_CODE_NOTES = {
  missingReplyCode: (incidentNumber: number) =>
    note(
      'missing.replyCode',
      `Incident ${incidentNumber} : la réponse SMTP a été trouvée sans son code à trois chiffres (550, 421…) ; à compléter.`,
      `Incident ${incidentNumber}: the SMTP reply was found without its three-digit code (550, 421…); please fill it in.`,
    ),
  codeFromDotnet: (code: number, words: string) =>
    note(
      'reply.code-from-client-words',
      `Le code ${code} est déduit des mots de .NET « ${words} », qui remplacent le code de la réponse du serveur.`,
      `The code ${code} was read from .NET's words "${words}", which stand in for the server reply's code.`,
    ),
};
