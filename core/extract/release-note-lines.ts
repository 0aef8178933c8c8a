/**
 * A release notes' or changelog's line: a version number, then what the version changed (`4.2.0 Fixed a
 * crash when saving`, `- 4.1.3 Improved speed`, `5.0.1 - Added Dutch`), as an application's "What's new"
 * or a plugin's changelog gives them and a user pastes them beside a bounce. The version reads like an
 * enhanced code without its basic code, as Thunderbird and Exchange quote a reply (`4.7.1 <host>: Helo
 * command rejected`, `5.7.1 Client does not have permissions`), but no server's reply opens with a verb
 * saying what was done to a program: the line is no reply.
 */

import { LINE_LEAD } from './reply-patterns';

/**
 * The words a change starts with in release notes (Keep a Changelog's section names, `Added`, `Changed`,
 * `Deprecated`, `Removed`, `Fixed`, `Security`, and the verbs of the same sense), in the past or present.
 */
const CHANGE_WORDS = `(?:${[
  'Fix(?:ed|es)?',
  'Add(?:ed|s)?',
  'Improve[ds]?',
  'Change[ds]?',
  'Remove[ds]?',
  'Update[ds]?',
  'Bump(?:ed|s)?',
  'Deprecated?',
  'Drop(?:ped|s)?',
  'Upgrade[ds]?',
  'Revert(?:ed|s)?',
  'Rename[ds]?',
  'Refactor(?:ed|s)?',
  'Release[ds]?',
  'Initial release',
  'Security fix(?:es)?',
].join('|')})`;

/** The version where a codeless reply has its enhanced code, maybe a dash or colon, then a change word. */
const RELEASE_NOTE_LINE = new RegExp(
  String.raw`${LINE_LEAD}[245]\.\d{1,3}\.\d{1,3}(?:[ \t]{1,4}[-\u2013:])?[ \t]{1,4}${CHANGE_WORDS}\b`,
  'i',
);

/** True when `line` is a release notes' line, not a reply quoted without its basic code. */
export function isReleaseNoteLine(line: string): boolean {
  return RELEASE_NOTE_LINE.test(line);
}
