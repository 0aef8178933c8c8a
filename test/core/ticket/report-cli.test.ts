import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runReport } from '../../../cli/commands/report';

const NBSP = '\u00a0';
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/ticket/${name}`, import.meta.url));
const FIXED = ['--now', '2019-12-17T09:00:00+01:00', '--assume-zone', '+01:00'];

async function run(args: string[], read: (path: string) => Promise<Uint8Array> = (p) => readFile(p)) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    read,
  });
  return { code, stdout, stderr };
}

describe('report command', () => {
  it('refuses an unknown zone before reading the file', async () => {
    const { code, stdout, stderr } = await run([
      '--assume-zone',
      'Europe/Pari',
      fixture('postfix-102-then-999.log'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      '--assume-zone expects an IANA zone (Europe/Paris), UTC or an offset from -12:00 to +14:00, not "Europe/Pari"',
    );
    expect(stdout).toBe('');
  });

  it('turns a Postfix log with a 102 then a 999 into a delisting follow-up in French', async () => {
    const { code, stdout, stderr } = await run([...FIXED, fixture('postfix-102-then-999.log')]);
    expect(code).toBe(0);
    expect(
      stdout.startsWith(
        `Objet${NBSP}: Refus persistant après demande de réinitialisation Cloudmark - IP 203.0.113.25`,
      ),
    ).toBe(true);
    expect(stdout).toContain(
      '550 mwinf5c11 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]',
    );
    expect(stdout).toContain('Service refused, please try later. OFR_999 [999]');
    expect(stdout).toContain(`Adresse IP d'envoi${NBSP}: 203.0.113.25\n`);
    expect(stdout).toContain(`Domaine d'envoi${NBSP}: example.com\n`);
    expect(stdout).toContain('1. lundi 16 décembre 2019 à 21:58:02 (UTC+01:00)');
    expect(stdout).toContain('La suspension de notre adresse IP (code 999) fait suite à un refus antérieur');
    expect(stderr).toContain('«\u00a0mta1\u00a0»');
  });

  it('reads a Latin-1, quoted-printable Exim bounce with CRLF endings', async () => {
    const { code, stdout } = await run([...FIXED, '--lang', 'en', fixture('exim-dsn-506-latin1.eml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Subject: Messages rejected as suspected spam');
    expect(stdout).toContain('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]');
    expect(stdout).toContain('Date of the incident: Monday 16 December 2019 at 22:00:18 (UTC+01:00)');
    expect(stdout).toContain('Sending IP address: [to be completed: sending IP address(es)]');
  });

  it('marks what a bare reply lacks and says so on standard error', async () => {
    const { code, stdout, stderr } = await run([...FIXED, fixture('reply-103.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Date de l'incident${NBSP}: [à compléter${NBSP}: date et heure de l'incident]`);
    expect(stdout).toContain(`Adresse IP d'envoi${NBSP}: 198.51.100.20\n`);
    expect(stdout).toContain('lever ce blocage');
    expect(stderr).toContain('Éléments obligatoires manquants');
  });

  it('writes the optional context given as options', async () => {
    const { stdout } = await run([
      ...FIXED,
      '--company',
      'Exemple Routage SAS',
      '--signal-spam',
      'oui',
      '--contact-name',
      'Claire Martin',
      fixture('reply-103.txt'),
    ]);
    expect(stdout).toContain(`Société${NBSP}: Exemple Routage SAS\nMembre de Signal Spam${NBSP}: oui\n`);
    expect(stdout.endsWith('Cordialement,\nClaire Martin\nExemple Routage SAS\n')).toBe(true);
  });

  it('prints the ticket, the incidents and their advice as JSON', async () => {
    const { code, stdout } = await run([...FIXED, '--json', fixture('postfix-102-then-999.log')]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.ticket.items.ips).toBe('203.0.113.25');
    expect(parsed.incidents.map((i: { advice: { nextStep: string } }) => i.advice.nextStep)).toEqual([
      'delist-elsewhere',
      'wait-and-retry',
    ]);
    expect(parsed.incidents[1].advice.summary.en).toContain('IP blocked by Cloudmark');
  });

  it.each([
    [['--lang', 'de', 'x.log'], /--lang expects fr or en/],
    [['--now', 'yesterday', 'x.log'], /--now expects an ISO 8601 date/],
    [['--signal-spam', 'maybe', 'x.log'], /--signal-spam expects yes or no/],
    [[], /exactly one FILE/],
    [['a.log', 'b.log'], /exactly one FILE/],
    [['--bogus', 'x.log'], /Unknown option/],
  ])('refuses bad usage %j', async (args, message) => {
    const { code, stderr, stdout } = await run(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: report');
    expect(stdout).toBe('');
  });

  it('reports a file it cannot read', async () => {
    const { code, stderr } = await run([fixture('no-such-file.log')]);
    expect(code).toBe(1);
    // In words, as extract and summarize say it, not Node's `ENOENT: ..., open '...'`.
    expect(stderr).toBe(`Cannot read ${fixture('no-such-file.log')}: no such file or directory\n`);
  });

  it('exits with 2 when the input holds no incident', async () => {
    const { code, stdout, stderr } = await run(['-'], async () =>
      new TextEncoder().encode('Bonjour,\nrien ici.\n'),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Aucun incident trouvé');
  });
});
