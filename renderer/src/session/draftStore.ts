/**
 * The work in progress, kept in the window's sessionStorage: the browser side keeps it when the page
 * process dies, so the page the main process loads again after a crash (electron/main/renderer-recovery.ts,
 * `?recovered=<reason>`) puts back the pasted text and the incident being edited. Only then: a page
 * started normally begins empty. A text too long for the storage is not kept (the edited incident
 * still is); nothing here may throw, a storage refusing to write only loses the copy.
 */
import type { Incident } from '../../../core/types';
import { readSourcesOnly } from './readSourcesOnly';
import type { SessionState } from './reducer';

const KEY = 'abuse-desk.draft';

/** Characters of pasted text kept (sessionStorage holds a few million; a large log is read from its file). */
export const MAX_DRAFT_TEXT = 1_000_000;

export interface DraftSnapshot {
  text: string;
  fileName: string | null;
  /** The incident on screen when the user changed it (else extraction finds it again in the text). */
  incident: Incident | null;
  savedId: string | null;
  savedAt: string | null;
}

/** What to keep of the session, or null for nothing (an empty session). */
export function snapshotOf(state: SessionState): DraftSnapshot | null {
  const edited = state.edited[state.selected] ?? null;
  const read = state.groups[state.selected]?.incident ?? null;
  const changed = edited !== null && edited !== read;
  const restored = state.restored !== null || state.groups[state.selected]?.key === 'restored';
  // (A typed value keeps no source line: put back after a crash, its badge says it was typed.)
  const incident = changed || restored || state.text === '' ? edited && readSourcesOnly(edited, read) : null;
  if (state.text === '' && incident === null) return null;
  const text = state.text.length > MAX_DRAFT_TEXT ? '' : state.text;
  if (text === '' && incident === null) return null;
  return { text, fileName: state.fileName, incident, savedId: state.savedId, savedAt: state.savedAt };
}

export function saveDraft(storage: Storage | undefined, snapshot: DraftSnapshot | null): void {
  try {
    if (snapshot === null) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // Over the storage's quota: the copy is lost, the session on screen is not.
  }
}

const isIncident = (value: unknown): value is Incident =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Incident).sendingIps) &&
  typeof (value as Incident).reply === 'object';

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The kept snapshot, or null when there is none or it does not read as one. */
export function loadDraft(storage: Storage | undefined): DraftSnapshot | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<DraftSnapshot>;
    const incident = isIncident(value.incident) ? value.incident : null;
    const text = typeof value.text === 'string' ? value.text : '';
    if (text === '' && incident === null) return null;
    return {
      text,
      fileName: stringOrNull(value.fileName),
      incident,
      savedId: stringOrNull(value.savedId),
      savedAt: stringOrNull(value.savedAt),
    };
  } catch {
    return null;
  }
}

/** The reason the page was loaded again after its process died (`?recovered=oom`), or null. */
export function recoveredReason(search: string): string | null {
  const reason = new URLSearchParams(search).get('recovered');
  return reason && /^[a-z-]{1,40}$/.test(reason) ? reason : null;
}
