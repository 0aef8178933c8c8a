/**
 * The incident being worked on: the pasted text, the extraction's outcome, the incidents found (grouped)
 * and the user's edits of each. Pure reducer; the hook in useSession.ts runs the extraction.
 */
import type { Incident, Note } from '../../../core/types';
import type { Progress } from '../engine/runner';
import type { LineIndex } from '../source/lineIndex';
import { blankIncident } from './blank';
import { groupIncidents, type IncidentGroup } from './merge';

export type Phase = 'empty' | 'working' | 'ready' | 'failed';

export interface SessionState {
  text: string;
  fileName: string | null;
  lines: LineIndex | null;
  phase: Phase;
  progress: Progress | null;
  error: string | null;
  warnings: Note[];
  groups: IncidentGroup[];
  /** The user's version of each group's incident (same order as groups). */
  edited: Incident[];
  selected: number;
  allInTicket: boolean;
  /** Increases with each new text, so a late result of an older run is ignored. */
  run: number;
  /** Id of the history record once saved (later saves update it). */
  savedId: string | null;
  savedAt: string | null;
  /** An incident reopened from the history: shown instead of what extraction finds in its text. */
  restored: Incident | null;
}

export type SessionAction =
  | { type: 'text'; text: string; fileName: string | null }
  | { type: 'progress'; run: number; progress: Progress }
  | { type: 'extracted'; run: number; lines: LineIndex; incidents: Incident[]; warnings: Note[] }
  | { type: 'failed'; run: number; error: string }
  | { type: 'clear' }
  | { type: 'select'; index: number }
  | { type: 'edit'; incident: Incident }
  | { type: 'revert' }
  | { type: 'manual' }
  | { type: 'adopt'; incident: Incident; fileName?: string | null }
  | { type: 'restore'; incident: Incident; text: string; id: string | null; at: string | null }
  | { type: 'allInTicket'; value: boolean }
  | { type: 'saved'; id: string; at: string };

export const initialSession: SessionState = {
  text: '',
  fileName: null,
  lines: null,
  phase: 'empty',
  progress: null,
  error: null,
  warnings: [],
  groups: [],
  edited: [],
  selected: 0,
  allInTicket: false,
  run: 0,
  savedId: null,
  savedAt: null,
  restored: null,
};

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'text':
      if (action.text.trim() === '') return { ...initialSession, run: state.run + 1 };
      return {
        ...initialSession,
        text: action.text,
        fileName: action.fileName,
        phase: 'working',
        run: state.run + 1,
      };
    case 'progress':
      return action.run === state.run ? { ...state, progress: action.progress } : state;
    case 'extracted': {
      if (action.run !== state.run) return state;
      const groups = state.restored
        ? [{ key: 'restored', incident: state.restored, occurrences: [state.restored] }]
        : groupIncidents(action.incidents);
      return {
        ...state,
        phase: 'ready',
        progress: null,
        lines: action.lines,
        warnings: action.warnings,
        groups,
        edited: groups.map((g) => g.incident),
        selected: 0,
      };
    }
    case 'failed':
      return action.run === state.run
        ? { ...state, phase: 'failed', progress: null, error: action.error }
        : state;
    case 'clear':
      return { ...initialSession, run: state.run + 1 };
    case 'select':
      return action.index >= 0 && action.index < state.groups.length
        ? { ...state, selected: action.index }
        : state;
    case 'edit': {
      const edited = [...state.edited];
      edited[state.selected] = action.incident;
      return { ...state, edited };
    }
    case 'revert': {
      const group = state.groups[state.selected];
      if (!group) return state;
      const edited = [...state.edited];
      edited[state.selected] = group.incident;
      return { ...state, edited };
    }
    case 'manual': {
      const incident = blankIncident();
      const group: IncidentGroup = { key: 'manual', incident, occurrences: [incident] };
      return {
        ...state,
        phase: 'ready',
        groups: [...state.groups, group],
        edited: [...state.edited, incident],
        selected: state.groups.length,
      };
    }
    case 'adopt': {
      // An incident made elsewhere (a group of a large log) becomes the one on screen.
      const group: IncidentGroup = {
        key: 'adopted',
        incident: action.incident,
        occurrences: [action.incident],
      };
      return {
        ...initialSession,
        // The log it came from: named above the lines its fields cite (the log itself is not loaded).
        fileName: action.fileName ?? null,
        run: state.run + 1,
        phase: 'ready',
        groups: [group],
        edited: [action.incident],
      };
    }
    case 'restore': {
      // The text is indexed (and extracted) again for the source view; the saved incident stays.
      const group: IncidentGroup = {
        key: 'restored',
        incident: action.incident,
        occurrences: [action.incident],
      };
      const base = { ...initialSession, run: state.run + 1, savedId: action.id, savedAt: action.at };
      if (action.text.trim() === '')
        return { ...base, phase: 'ready', groups: [group], edited: [action.incident] };
      return { ...base, text: action.text, phase: 'working', restored: action.incident };
    }
    case 'allInTicket':
      return { ...state, allInTicket: action.value };
    case 'saved':
      return { ...state, savedId: action.id, savedAt: action.at };
  }
}

/** The incident on screen (the user's edited version), if any. */
export const currentIncident = (state: SessionState): Incident | null => state.edited[state.selected] ?? null;
