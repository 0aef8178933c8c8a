/** Remembers the main window's size and position, and keeps it on a screen that still exists. */
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Drops the saved position when no display's work area contains the window's centre. */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const cx = state.x + state.width / 2;
  const cy = state.y + state.height / 2;
  const visible = workAreas.some((a) => cx >= a.x && cx < a.x + a.width && cy >= a.y && cy < a.y + a.height);
  if (visible) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}

export async function loadWindowState(path: string): Promise<WindowState> {
  return (await readJsonFile(path, WindowState, DEFAULT_WINDOW_STATE)).value;
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeJsonFileAtomic(path, WindowState.parse(state));
}
