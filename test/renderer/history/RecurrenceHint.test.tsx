import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HistoryRecord } from '../../../electron/services/history/schema';
import { RecurrenceHint } from '../../../renderer/src/history';
import { orangeIncident, saveInput } from '../../main/history/helpers';
import { createHistoryApi } from './historyApi';

configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('RecurrenceHint', () => {
  let h: Awaited<ReturnType<typeof createHistoryApi>>;
  beforeEach(async () => {
    h = await createHistoryApi();
  });
  afterEach(() => h.cleanup());

  const save = (ip: string, days: number, domain = 'news.example.com') =>
    h.api.save(
      saveInput({
        incident: orangeIncident({ sendingIps: [ip], sendingDomain: domain, occurredAt: daysAgo(days) }),
      }),
    );

  it('says how often the IP was blocked in the last 30 days and links those incidents', async () => {
    const a = await save('203.0.113.7', 2);
    await save('203.0.113.7', 10);
    await save('203.0.113.7', 25);
    await save('203.0.113.7', 45); // older than 30 days: not counted
    const current = await save('203.0.113.7', 0, 'other.example.net');
    const opened: HistoryRecord[] = [];
    const user = userEvent.setup();
    render(
      <RecurrenceHint
        api={h.api}
        lang="fr"
        ip="203.0.113.7"
        domain="other.example.net"
        excludeId={current.id}
        onOpen={(r) => opened.push(r)}
      />,
    );
    expect(
      await screen.findByText(
        /Cette IP \(203\.0\.113\.7\) a déjà été bloquée par Orange 3 fois ces 30 derniers jours\./,
      ),
    ).toBeTruthy();
    // The domain only appears on the incident itself, which is left out.
    expect(screen.queryByText(/Le domaine/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'incident 1' }));
    await waitFor(() => expect(opened.map((r) => r.id)).toEqual([a.id]));
    expect(opened[0]?.ticket.fr.body).toContain('Bonjour');
  });

  it('speaks English and counts the domain too', async () => {
    await save('198.51.100.5', 3);
    render(
      <RecurrenceHint api={h.api} lang="en" ip="192.0.2.1" domain="NEWS.example.com" onOpen={() => {}} />,
    );
    expect(
      await screen.findByText(
        'The domain news.example.com already appears in 1 incident in the last 30 days.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/This IP/)).toBeNull();
  });

  it('counts only Orange’s refusals of the IP, not another provider’s saved with it', async () => {
    // Gmail's authentication refusal (wording from test/fixtures/extract/audit11) of the same IP: the
    // history keeps it, but Orange did not block the IP that time.
    const gmail = (api: typeof h.api, days: number) =>
      api.save(
        saveInput({
          incident: orangeIncident({
            sendingIps: ['203.0.113.7'],
            occurredAt: daysAgo(days),
            recipientDomain: 'gmail.com',
            remoteHost: 'gmail-smtp-in.l.google.com',
            remoteIp: '142.250.27.27',
            reply: {
              code: 550,
              enhanced: '5.7.26',
              text: '550 5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM.',
            },
            orange: null,
            isOrange: false,
          }),
        }),
      );
    await save('203.0.113.7', 4);
    await gmail(h.api, 2);
    await gmail(h.api, 6);
    const { unmount } = render(
      <RecurrenceHint api={h.api} lang="fr" ip="203.0.113.7" domain={null} onOpen={() => {}} />,
    );
    expect(
      await screen.findByText(
        /Cette IP \(203\.0\.113\.7\) a déjà été bloquée par Orange 1 fois ces 30 derniers jours\./,
      ),
    ).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^incident \d$/ })).toHaveLength(1);
    unmount();
    // Gmail's refusals alone: the IP was never blocked by Orange, so no line says it was.
    const only = await createHistoryApi();
    try {
      await gmail(only.api, 1);
      render(<RecurrenceHint api={only.api} lang="en" ip="203.0.113.7" domain={null} onOpen={() => {}} />);
      await waitFor(() => expect(only.calls.filter((c) => c.method === 'recurrence')).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 50));
      expect(screen.queryByText(/blocked by Orange/)).toBeNull();
    } finally {
      await only.cleanup();
    }
  });

  it('shows nothing for a first incident, and asks nothing without an IP or domain', async () => {
    await save('198.51.100.5', 3);
    const { container, rerender } = render(
      <RecurrenceHint api={h.api} lang="en" ip="192.0.2.200" onOpen={() => {}} />,
    );
    await waitFor(() => expect(h.calls.filter((c) => c.method === 'recurrence')).toHaveLength(1));
    expect(container.textContent).toBe('');
    rerender(<RecurrenceHint api={h.api} lang="en" ip={null} domain={null} onOpen={() => {}} />);
    expect(h.calls.filter((c) => c.method === 'recurrence')).toHaveLength(1);
    expect(container.textContent).toBe('');
  });
});
