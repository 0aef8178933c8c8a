/** The session reducer's less visible paths, the history round trip and a failing part kept apart. */
import { render, screen } from '@testing-library/react';
import { extract } from '../../../core/extract';
import { PartBoundary } from '../../../renderer/src/components/PartBoundary';
import { blankIncident } from '../../../renderer/src/session/blank';
import { initialSession, sessionReducer } from '../../../renderer/src/session/reducer';
import { indexLines } from '../../../renderer/src/source/lineIndex';
import { fixture } from './renderApp';

describe('session reducer', () => {
  it('ignores the result of an older run once new text has arrived', async () => {
    const first = sessionReducer(initialSession, { type: 'text', text: 'old paste', fileName: null });
    const second = sessionReducer(first, { type: 'text', text: 'new paste', fileName: null });
    const { incidents, warnings } = await extract(fixture('postfix-dsn-ofr102.eml'), {});
    const late = sessionReducer(second, {
      type: 'extracted',
      run: first.run,
      lines: indexLines('old paste'),
      incidents,
      warnings,
    });
    expect(late).toBe(second);
    expect(late.phase).toBe('working');
  });

  it('keeps a reopened incident as saved instead of what extraction finds in its text', async () => {
    const saved = { ...blankIncident(), sendingIps: ['198.51.100.77'], sendingDomain: 'example.com' };
    const text = fixture('postfix-dsn-ofr102.eml');
    const restoring = sessionReducer(initialSession, {
      type: 'restore',
      incident: saved,
      text,
      id: 'rec-9',
      at: '2026-11-29T10:00:00.000Z',
    });
    const { incidents, warnings } = await extract(text, {});
    const done = sessionReducer(restoring, {
      type: 'extracted',
      run: restoring.run,
      lines: indexLines(text),
      incidents,
      warnings,
    });
    expect(done.edited).toEqual([saved]);
    expect(done.savedId).toBe('rec-9');
    expect(done.lines?.starts.length).toBe(72);
  });

  it('reopens an incident saved without text at once', () => {
    const saved = { ...blankIncident(), sendingIps: ['198.51.100.77'] };
    const state = sessionReducer(initialSession, {
      type: 'restore',
      incident: saved,
      text: '',
      id: 'rec-1',
      at: '2026-11-29T10:00:00.000Z',
    });
    expect(state.phase).toBe('ready');
    expect(state.edited[0]?.sendingIps).toEqual(['198.51.100.77']);
  });

  it('reverts the edits of the incident on screen only', async () => {
    const { incidents, warnings } = await extract(fixture('postfix-orange.log'), {
      now: new Date('2026-11-29T10:00:00Z'),
    });
    let state = sessionReducer(initialSession, { type: 'text', text: 'x', fileName: null });
    state = sessionReducer(state, {
      type: 'extracted',
      run: state.run,
      lines: indexLines('x'),
      incidents,
      warnings,
    });
    const edit = (s: typeof state) => ({
      ...(s.edited[s.selected] ?? blankIncident()),
      sendingDomain: 'changed.example',
    });
    state = sessionReducer(state, { type: 'edit', incident: edit(state) });
    state = sessionReducer(state, { type: 'select', index: 1 });
    state = sessionReducer(state, { type: 'edit', incident: edit(state) });
    state = sessionReducer(state, { type: 'revert' });
    expect(state.edited[1]?.sendingDomain).not.toBe('changed.example');
    expect(state.edited[0]?.sendingDomain).toBe('changed.example');
  });
});

function Broken(): never {
  throw new Error('store unreadable');
}

describe('a failing part', () => {
  it('shows what happened in its place and leaves the rest on screen', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <div>
        <p>rest of the app</p>
        <PartBoundary message={(e) => `Cette partie n’a pas pu s’afficher : ${e.message}`}>
          <Broken />
        </PartBoundary>
      </div>,
    );
    spy.mockRestore();
    expect(screen.getByRole('alert').textContent).toContain('store unreadable');
    expect(screen.getByText('rest of the app')).toBeTruthy();
  });
});
