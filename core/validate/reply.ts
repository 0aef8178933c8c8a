/**
 * Checking the SMTP reply code (RFC 5321: 4xx temporary, 5xx permanent) against the enhanced status
 * code (RFC 3463: class.subject.detail, whose class must agree with the basic code).
 */
import type { Verdict } from '../types';
import { error, ok, warning } from './verdict';

const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

export function validateReplyCode(code: number | null | undefined, enhanced?: string | null): Verdict {
  if (code === null || code === undefined) {
    return error('Code de réponse SMTP absent.', 'SMTP reply code missing.');
  }
  if (!Number.isInteger(code) || code < 200 || code > 599) {
    return error(`« ${code} » n’est pas un code de réponse SMTP.`, `"${code}" is not an SMTP reply code.`);
  }
  if (code < 400) {
    return error(
      `Le code ${code} n’est pas un refus : Orange a accepté cette commande.`,
      `Code ${code} is not a refusal: Orange accepted that command.`,
    );
  }
  const value = enhanced?.trim() ?? '';
  if (!value) return ok();
  const m = ENHANCED.exec(value);
  if (!m) {
    return warning(
      `« ${value} » n’est pas un code étendu valide (forme attendue : 5.7.1).`,
      `"${value}" is not a valid enhanced status code (expected form: 5.7.1).`,
    );
  }
  const basicClass = String(code)[0];
  if (m[1] !== basicClass) {
    return warning(
      `Le code ${code} et le code étendu ${value} ne sont pas de la même classe. Postfix note souvent 4.0.0 quand Orange refuse dès l’accueil : le code de la réponse d’Orange fait foi.`,
      `Code ${code} and enhanced code ${value} are not of the same class. Postfix often records 4.0.0 when Orange refuses at the greeting: the code in Orange's reply is what counts.`,
    );
  }
  return ok();
}
