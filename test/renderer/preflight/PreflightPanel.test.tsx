/**
 * The pre-flight panel against a fake of the preflight API that `satisfies` the contract's type and runs
 * the real core checks over an in-memory zone, so what the panel shows is what the checks decide.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { planPreflight } from '../../../core/preflight/plan';
import { runPreflightCheck } from '../../../core/preflight/run';
import type { PreflightCheck, PreflightResult } from '../../../core/preflight/types';
import type { Incident } from '../../../core/types';
import type { Api } from '../../../electron/contract';
import { PreflightPanel } from '../../../renderer/src/preflight';
import { makeIncident } from '../../core/orange/make-incident';
import { type FakeEntry, fakeDns } from '../../core/preflight/fake-dns';

const incident: Incident = makeIncident({
  occurredAt: '2026-11-28T09:12:00+01:00',
  sendingIps: ['198.51.100.23'],
  reply: {
    code: 550,
    enhanced: null,
    text: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]',
  },
});

const zone: Record<string, FakeEntry> = {
  '23.100.51.198.in-addr.arpa': { fail: 'servfail' },
  'mail.example.com': { A: ['198.51.100.23'] },
  'example.com': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=quarantine'] },
  's2026._domainkey.example.com': {
    TXT: ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='],
  },
  'orange.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'wanadoo.fr': { MX: [{ priority: 10, exchange: 'smtp-in.orange.fr' }] },
  'smtp-in.orange.fr': { A: ['193.252.22.65'] },
};

function fakePreflightApi(options: { hold?: string; failRun?: string } = {}) {
  const dns = fakeDns(zone);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const planned: Parameters<Api['preflight']['plan']>[0][] = [];
  const api = {
    plan: async (input) => {
      planned.push(input);
      return planPreflight({ ...input, dkim: input.dkim ?? null });
    },
    run: async ({ check }) => {
      if (check.id === options.failRun) throw new Error('IPC channel closed');
      if (check.id === options.hold) await held;
      return runPreflightCheck(check as PreflightCheck, dns);
    },
  } satisfies Api['preflight'];
  return { api, planned, release };
}

const row = (id: string) => document.querySelector(`[data-check-id="${id}"]`) as HTMLElement;

describe('PreflightPanel', () => {
  test('runs every check in parallel with progress, then shows results, take-aways and reports them', async () => {
    const user = userEvent.setup();
    const { api, release } = fakePreflightApi({ hold: 'dmarc:example.com' });
    const onResults = vi.fn<(results: PreflightResult[]) => void>();
    render(<PreflightPanel api={api} incident={incident} lang="fr" onResults={onResults} />);

    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    const bar = await screen.findByRole('progressbar', { name: 'Avancement des vérifications' });
    await screen.findByText('11 sur 12 vérifications');
    expect(bar.getAttribute('aria-valuenow')).toBe('11');
    expect(screen.getByRole('button', { name: 'Vérification en cours…' })).toHaveProperty('disabled', true);
    expect(within(row('dmarc:example.com')).getByText('En cours')).toBeTruthy();
    expect(onResults).not.toHaveBeenCalled();

    release();
    await screen.findByText('12 sur 12 vérifications');
    expect(within(row('dmarc:example.com')).getByText('OK')).toBeTruthy();
    expect(onResults).toHaveBeenCalledTimes(1);
    expect(onResults.mock.calls[0]?.[0].map((result) => result.id)).toContain(
      'spf:example.com:198.51.100.23',
    );
    const findings = screen.getByRole('region', { name: 'À retenir' });
    expect(
      within(findings).getByText(
        'Le SPF échoue pour 198.51.100.23 (fail) : corrigez-le avant de contacter Orange',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vérifier à nouveau' })).toHaveProperty('disabled', false);
  });

  test('"could not check" is shown apart from "failed"', async () => {
    const user = userEvent.setup();
    const { api } = fakePreflightApi();
    render(<PreflightPanel api={api} incident={incident} lang="fr" />);
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    await screen.findByText('12 sur 12 vérifications');
    const ptr = row('ptr:198.51.100.23');
    expect(ptr.dataset.status).toBe('could-not-check');
    expect(within(ptr).getByText('Vérification impossible')).toBeTruthy();
    expect(
      within(ptr).getByText('Vérification impossible : le serveur DNS a échoué (SERVFAIL)'),
    ).toBeTruthy();
    const spf = row('spf:example.com:198.51.100.23');
    expect(spf.dataset.status).toBe('failed');
    expect(within(spf).getByText('Échec')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Ligne pour le ticket' })).toBeNull();
  });

  test('DKIM selector read from the pasted DKIM-Signature; links open through openLink; English', async () => {
    const user = userEvent.setup();
    const { api, planned } = fakePreflightApi();
    const openLink = vi.fn<(url: string) => void>();
    const rawText = 'DKIM-Signature: v=1; a=ed25519-sha256; d=example.com;\r\n\ts=s2026; b=abc\r\nSubject: x';
    render(<PreflightPanel api={api} incident={incident} lang="en" rawText={rawText} openLink={openLink} />);
    expect(screen.getByText('DKIM: selector "s2026" of example.com (read from DKIM-Signature)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('13 of 13 checks');
    expect(planned[0]?.dkim).toEqual({ selector: 's2026', domain: 'example.com' });
    expect(
      within(row('dkim:s2026:example.com')).getByText(
        'DKIM ed25519 key published at s2026._domainkey.example.com',
      ),
    ).toBeTruthy();
    const cloudmark = row('cloudmark:198.51.100.23');
    expect(within(cloudmark).getByText('Check by hand')).toBeTruthy();
    await user.click(
      within(cloudmark).getByRole('link', { name: 'Cloudmark reset request for 198.51.100.23' }),
    );
    expect(openLink).toHaveBeenCalledWith('https://csi.cloudmark.com/reset-request/?ip=198.51.100.23');
  });

  test('a typed DKIM selector is checked against the sending domain by default', async () => {
    const user = userEvent.setup();
    const { api, planned } = fakePreflightApi();
    render(<PreflightPanel api={api} incident={incident} lang="en" />);
    await user.type(screen.getByLabelText('DKIM selector (optional)'), 's2026');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('13 of 13 checks');
    expect(planned[0]?.dkim).toEqual({ selector: 's2026', domain: 'example.com' });
  });

  test('an IPC failure on one check shows as could-not-check, the others still report', async () => {
    const user = userEvent.setup();
    const { api } = fakePreflightApi({ failRun: 'dmarc:example.com' });
    render(<PreflightPanel api={api} incident={incident} lang="en" />);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('12 of 12 checks');
    expect(row('dmarc:example.com').dataset.status).toBe('could-not-check');
    expect(row('helo:mail.example.com').dataset.status).toBe('ok');
  });

  test('when the plan cannot be had, the panel says so and lets the user retry', async () => {
    const user = userEvent.setup();
    const { api } = fakePreflightApi();
    let calls = 0;
    const flaky = {
      ...api,
      plan: async (input: Parameters<typeof api.plan>[0]) => {
        calls += 1;
        if (calls === 1) throw new Error('IPC channel closed');
        return api.plan(input);
      },
    } satisfies Api['preflight'];
    render(<PreflightPanel api={flaky} incident={incident} lang="en" />);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The checks could not start. Try again.');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('12 of 12 checks');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a reply without sending IP, host or domain has nothing to check', () => {
    const { api } = fakePreflightApi();
    render(
      <PreflightPanel
        api={api}
        incident={{ ...incident, sendingIps: [], sendingHosts: [], sendingDomain: null }}
        lang="en"
      />,
    );
    expect(
      screen.getByText('Nothing to check: the incident gives no sending IP, host name or domain.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check' })).toHaveProperty('disabled', true);
  });

  test('a new incident discards the previous results', async () => {
    const user = userEvent.setup();
    const { api } = fakePreflightApi();
    const { rerender } = render(<PreflightPanel api={api} incident={incident} lang="en" />);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('12 of 12 checks');
    rerender(<PreflightPanel api={api} incident={{ ...incident, sendingIps: ['203.0.113.9'] }} lang="en" />);
    expect(screen.queryByText('12 of 12 checks')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  });

  it('takes an Abusix key, refusing one that is not a single DNS label, and offers to remove a saved one', async () => {
    const user = userEvent.setup();
    const { api } = fakePreflightApi();
    const saved: string[] = [];
    const { rerender } = render(
      <PreflightPanel
        api={api}
        incident={incident}
        lang="fr"
        abusixKey=""
        onAbusixKey={(k) => saved.push(k)}
      />,
    );
    await user.click(screen.getByText('Clé Abusix Mail Intelligence (facultative)'));
    const input = screen.getByLabelText('Clé d’accès');
    const save = screen.getByRole('button', { name: 'Enregistrer la clé' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(input, 'k3y.attacker.example');
    expect(screen.getByRole('alert').textContent).toContain('que des lettres, des chiffres et des tirets');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.clear(input);
    await user.type(input, ' a1b2c3 ');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(save);
    expect(saved).toEqual(['a1b2c3']);

    rerender(
      <PreflightPanel
        api={api}
        incident={incident}
        lang="fr"
        abusixKey="a1b2c3"
        onAbusixKey={(k) => saved.push(k)}
      />,
    );
    expect(screen.getByText('Clé Abusix Mail Intelligence : enregistrée')).toBeTruthy();
    await user.clear(screen.getByLabelText('Clé d’accès'));
    await user.click(screen.getByRole('button', { name: 'Retirer la clé' }));
    expect(saved).toEqual(['a1b2c3', '']);
  });
});
