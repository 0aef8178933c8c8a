/**
 * The page loaded again after its process died (electron/main/renderer-recovery.ts adds
 * `?recovered=<reason>`): the work in progress comes back from sessionStorage and a notice says what
 * happened; a page started normally begins empty.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { blankIncident } from '../../../renderer/src/session/blank';
import {
  type DraftSnapshot,
  loadDraft,
  MAX_DRAFT_TEXT,
  recoveredReason,
  saveDraft,
  snapshotOf,
} from '../../../renderer/src/session/draftStore';
import { initialSession, sessionReducer } from '../../../renderer/src/session/reducer';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

const KEY = 'abuse-desk.draft';

function pasteAnywhere(text: string) {
  fireEvent.paste(document.body, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
}

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('after the page process died', () => {
  it('puts back the pasted text and the edited incident, and says the window was reopened', async () => {
    const first = renderApp();
    pasteAnywhere(fixture('postfix-dsn-ofr102.eml'));
    const ip = (await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' })) as HTMLInputElement;
    await first.user.clear(ip);
    await first.user.type(ip, '198.51.100.7');
    await waitFor(() => expect(sessionStorage.getItem(KEY)).toContain('198.51.100.7'));
    first.unmount();

    window.history.replaceState(null, '', '/index.html?recovered=oom');
    renderApp();
    const restored = (await screen.findByRole('textbox', {
      name: 'Adresses IP d’envoi 1',
    })) as HTMLInputElement;
    expect(restored.value).toBe('198.51.100.7');
    expect(await screen.findByText(/La fenêtre s’était arrêtée \(mémoire insuffisante\)/)).toBeTruthy();
    expect(screen.getByText(/Votre texte et l’incident en cours ont été remis/)).toBeTruthy();
    expect(await screen.findByText('72 lignes · 2,9 ko')).toBeTruthy();
    // Said once: a reload by hand later starts empty.
    expect(window.location.search).toBe('');
  });

  it('says so even when there was nothing to put back', async () => {
    window.history.replaceState(null, '', '/index.html?recovered=crashed');
    renderApp();
    expect(
      await screen.findByText(/La fenêtre s’était arrêtée \(arrêt inattendu\) et a été rouverte/),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Commencez par coller un rejet' })).toBeTruthy();
  });

  it('starts empty when the page was not reloaded after a crash, and drops the old copy', async () => {
    const copy: DraftSnapshot = {
      text: fixture('postfix-dsn-ofr102.eml'),
      fileName: null,
      incident: null,
      savedId: null,
      savedAt: null,
    };
    saveDraft(sessionStorage, copy);
    renderApp();
    await screen.findByRole('heading', { name: 'Commencez par coller un rejet' });
    expect(screen.queryByRole('textbox', { name: 'Adresses IP d’envoi 1' })).toBeNull();
    await waitFor(() => expect(sessionStorage.getItem(KEY)).toBeNull());
  });
});

describe('the copy of the work in progress', () => {
  const text = 'Nov 17 09:42:17 mta1 postfix/smtp[1]: ... 550 ... OFR006_102 [102]';

  it('keeps the text alone while the incident is what extraction finds, the incident once changed', () => {
    const working = sessionReducer(initialSession, { type: 'text', text, fileName: 'mail.log' });
    const found = { ...blankIncident(), sendingIps: ['203.0.113.25'] };
    const ready = {
      ...working,
      phase: 'ready' as const,
      groups: [{ key: 'k', incident: found, occurrences: [found] }],
      edited: [found],
    };
    expect(snapshotOf(ready)).toEqual({
      text,
      fileName: 'mail.log',
      incident: null,
      savedId: null,
      savedAt: null,
    });
    const changed = { ...found, sendingIps: ['198.51.100.7'] };
    const edited = sessionReducer(ready, { type: 'edit', incident: changed });
    expect(snapshotOf(edited)?.incident).toEqual(changed);
    expect(snapshotOf(initialSession)).toBeNull();
  });

  it('keeps a source line only for a value still the one read there', () => {
    const found = {
      ...blankIncident(),
      sendingIps: ['203.0.113.25'],
      sendingDomain: 'news.example.com',
      sources: {
        sendingIps: { line: 1, text: 'client=mta1[203.0.113.25]' },
        sendingDomain: { line: 2, text: 'from=<a@news.example.com>' },
      },
    };
    const ready = {
      ...sessionReducer(initialSession, { type: 'text', text, fileName: null }),
      phase: 'ready' as const,
      groups: [{ key: 'k', incident: found, occurrences: [found] }],
      edited: [found],
    };
    const edited = sessionReducer(ready, {
      type: 'edit',
      incident: { ...found, sendingIps: ['198.51.100.7'] },
    });
    // Put back after a crash, the typed IP must not say it was read on line 1.
    const kept = snapshotOf(edited)?.incident;
    expect(kept?.sendingIps).toEqual(['198.51.100.7']);
    expect(kept?.sources.sendingIps).toBeUndefined();
    expect(kept?.sources.sendingDomain?.line).toBe(2);
  });

  it('leaves out a text too long for the storage but keeps the changed incident', () => {
    const long = 'x'.repeat(MAX_DRAFT_TEXT + 1);
    const incident = { ...blankIncident(), sendingIps: ['198.51.100.7'] };
    const state = {
      ...initialSession,
      text: long,
      groups: [{ key: 'k', incident: blankIncident(), occurrences: [] }],
      edited: [incident],
    };
    expect(snapshotOf(state)).toMatchObject({ text: '', incident });
  });

  it('never throws: a full storage loses the copy, a damaged copy reads as none', () => {
    const full = {
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
      getItem: () => '{"text": 12, "incident": {"reply": 1}}',
    } as unknown as Storage;
    expect(() =>
      saveDraft(full, { text: 'a', fileName: null, incident: null, savedId: null, savedAt: null }),
    ).not.toThrow();
    expect(loadDraft(full)).toBeNull();
    sessionStorage.setItem(KEY, '{not json');
    expect(loadDraft(sessionStorage)).toBeNull();
  });

  it('reads only a plain reason from the address', () => {
    expect(recoveredReason('?recovered=oom')).toBe('oom');
    expect(recoveredReason('?recovered=<script>')).toBeNull();
    expect(recoveredReason('')).toBeNull();
  });
});
