/**
 * The history keeps every saved refusal, Orange's or another provider's (a Gmail refusal can be saved
 * too): the list's reply column must not call a Gmail reply Orange's, in either language.
 */
import { configure, render, screen, within } from '@testing-library/react';
import { HistoryView } from '../../../renderer/src/history';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from './historyApi';

configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

// Gmail's authentication refusal as Postfix logs it (wording from test/fixtures/extract/audit11), sent
// from a documentation address.
const gmailReply =
  '550 5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM.';
const gmailIncident = orangeIncident({
  sendingIps: ['198.51.100.44'],
  recipientDomain: 'gmail.com',
  remoteHost: 'gmail-smtp-in.l.google.com',
  remoteIp: '142.250.27.27',
  reply: { code: 550, enhanced: '5.7.26', text: gmailReply },
  orange: null,
  isOrange: false,
});

describe('history list: the reply column', () => {
  it.each([
    ['fr', 'Réponse du serveur', /Orange/],
    ['en', 'Server’s reply', /Orange/],
  ] as const)(
    'is named neutrally in %s when a row is another provider’s refusal',
    async (lang, name, not) => {
      const h = await createHistoryApi();
      try {
        await h.api.save(saveInput({ incident: gmailIncident }));
        await h.api.save(saveInput({ incident: orangeIncident() }));
        render(<HistoryView api={h.api} lang={lang} onOpen={() => {}} onExport={() => {}} />);
        const table = await screen.findByRole('table');
        const heads = within(table).getAllByRole('columnheader');
        expect(heads.map((th) => th.textContent)).toContain(name);
        expect(heads[3]?.textContent).not.toMatch(not);
        // Both rows are there, each showing its own reply.
        expect(table.textContent).toContain('550 5.7.26');
        expect(table.textContent).toContain('550 OFR006_102');
      } finally {
        await h.cleanup();
      }
    },
  );
});
