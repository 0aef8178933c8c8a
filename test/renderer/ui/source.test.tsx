/** The source view and the paste panel: limited rendering, highlight from the fields, drop and open. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { SourceView } from '../../../renderer/src/components/SourceView';
import { I18nProvider } from '../../../renderer/src/i18n';
import { indexLines } from '../../../renderer/src/source/lineIndex';
import { fixture, renderApp } from './renderApp';

vi.setConfig({ testTimeout: 30_000 });

describe('source view', () => {
  it('renders only the rows in view of a very long text', () => {
    const text = Array.from(
      { length: 200_000 },
      (_, i) => `Nov 17 09:40:02 mta1 postfix/smtp[2210]: line ${i + 1}`,
    ).join('\n');
    render(
      <I18nProvider lang="fr">
        <SourceView text={text} lines={indexLines(text)} highlight={null} />
      </I18nProvider>,
    );
    const rows = document.querySelectorAll('.source-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(200);
    expect(rows[0]?.textContent).toContain('line 1');
  });

  it('scrolls to and highlights a line far down', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `row ${i + 1}`).join('\r\n');
    render(
      <I18nProvider lang="fr">
        <SourceView text={text} lines={indexLines(text)} highlight={4321} />
      </I18nProvider>,
    );
    const marked = document.querySelector('.source-row.is-highlighted');
    expect(marked?.getAttribute('data-line')).toBe('4321');
    expect(marked?.textContent).toContain('row 4321');
  });

  it('cuts a huge single line and says how much is hidden', () => {
    const text = `550 ${'x'.repeat(1_000_000)}`;
    render(
      <I18nProvider lang="en">
        <SourceView text={text} lines={indexLines(text)} highlight={null} />
      </I18nProvider>,
    );
    expect(document.querySelector('.source-text')?.textContent?.length).toBeLessThan(2100);
    expect(screen.getByText(/998,004 more characters/)).toBeTruthy();
  });
});

describe('where each field came from', () => {
  it('highlights the source line when a field is hovered or focused, and on its badge', async () => {
    const { user } = renderApp();
    fireEvent.paste(document.body, { clipboardData: { getData: () => fixture('postfix-dsn-ofr102.eml') } });
    const domain = await screen.findByRole('textbox', { name: /Domaine d’envoi/ });
    const highlighted = () => document.querySelector('.source-row.is-highlighted')?.getAttribute('data-line');
    expect(highlighted()).toBeUndefined();
    await user.hover(domain);
    const line = highlighted();
    expect(line).toBeTruthy();
    expect(document.querySelector('.source-row.is-highlighted')?.textContent).toContain('example.com');
    act(() => screen.getByRole('textbox', { name: /Nom de l’hôte/ }).focus());
    expect(document.querySelector('.source-row.is-highlighted')?.textContent).toContain('smtp-in.orange.fr');
    await user.click(screen.getAllByRole('button', { name: /Lu ligne 44/ })[0] as HTMLElement);
    expect(highlighted()).toBe('44');
  });

  it('marks the value within its source line, so a value far along a log line is found at once', async () => {
    const { user } = renderApp();
    const log = readFileSync(
      join(process.cwd(), 'test/fixtures/extract/audit18/postfix-102-then-999-same-host.log'),
      'latin1',
    );
    fireEvent.paste(document.body, { clipboardData: { getData: () => log } });
    const ip = await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' });
    const marked = () => document.querySelector('.source-row.is-highlighted mark')?.textContent;
    await user.hover(ip);
    // Line 1 names the IP only at its end, in Cloudmark’s reset link, after 400 characters.
    expect(marked()).toBe('193.200.42.126');
    await user.hover(screen.getByRole('textbox', { name: 'Nom de l’hôte' }));
    expect(marked()).toBe('smtp-in.orange.fr');
    await user.hover(screen.getByRole('textbox', { name: /Date et heure/ }));
    // The date is shown in ISO form, which the log line does not contain: the line alone is highlighted.
    expect(document.querySelector('.source-row.is-highlighted')).not.toBeNull();
    expect(marked()).toBeUndefined();
  });

  it('writes out why a very long text cannot be edited here, tied to the disabled button', async () => {
    renderApp();
    // A day of a busy relay's log pasted whole: well past what the paste area edits comfortably.
    const line =
      'Mar  4 09:12:07 mx1 postfix/smtp[21877]: 4F2A31C0A2: to=<jean.dupont@orange.fr>, status=sent (250 ok)\n';
    fireEvent.paste(document.body, { clipboardData: { getData: () => line.repeat(2500) } });
    const edit = await screen.findByRole('button', { name: 'Modifier le texte' });
    expect((edit as HTMLButtonElement).disabled).toBe(true);
    const reason = document.getElementById(edit.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(
      /^Texte trop long pour être modifié ici\s: corrigez-le dans un éditeur/,
    );
    expect(reason?.checkVisibility?.() ?? true).toBe(true);
  });

  it('says a field the text did not give is absent, and an edited value typed, not read', async () => {
    const { user } = renderApp();
    // 1&1's bounce does not name the IP its relay sent from: that field stays empty.
    const bounce = readFileSync(join(process.cwd(), 'test/fixtures/extract/oneandone-ofr506.eml'), 'latin1');
    fireEvent.paste(document.body, { clipboardData: { getData: () => bounce } });
    const domain = (await screen.findByRole('textbox', { name: /Domaine d’envoi/ })) as HTMLInputElement;
    const badge = (id: string) => document.getElementById(`${id}-src`)?.textContent;
    expect(badge('f-ips')).toBe('Absent du texte');
    expect(badge('f-domain')).toBe('Lu ligne 3');
    await user.clear(domain);
    expect(badge('f-domain')).toBe('Absent du texte');
    await user.type(domain, 'boutique.example.fr');
    expect(badge('f-domain')).toBe('Saisi à la main');
    await user.hover(domain);
    expect(document.querySelector('.source-row.is-highlighted')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Revenir aux valeurs lues' }));
    expect(badge('f-domain')).toBe('Lu ligne 3');
  });
});

describe('text arriving', () => {
  const drop = (files: File[]) =>
    fireEvent.drop(screen.getByRole('region', { name: 'Texte collé' }), {
      dataTransfer: { files, getData: () => '' },
    });

  it('reads a dropped .eml file (Latin-1 too) and extracts at once', async () => {
    renderApp();
    const latin1 = new TextEncoder().encode(fixture('postfix-dsn-ofr102.eml'));
    drop([new File([latin1], 'rejet.eml', { type: 'message/rfc822' })]);
    expect(await screen.findByText(/Fichier : rejet\.eml/)).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Adresses IP d’envoi 1' })).toBeTruthy();
  });

  it('reads a bounce saved from a webmail as .html, as the page shows it', async () => {
    renderApp();
    const page = readFileSync(
      join(process.cwd(), 'test/fixtures/extract/html-source/exchange-ndr-saved.htm'),
      'utf8',
    );
    drop([new File([page], 'Undeliverable.html', { type: 'text/html' })]);
    expect(await screen.findByText(/Fichier : Undeliverable\.html/)).toBeTruthy();
    const domain = await screen.findByRole('textbox', { name: /Domaine d’envoi/ });
    expect((domain as HTMLInputElement).value).toBe('example.com');
    expect(document.body.textContent).toContain('OFR006_102');
  });

  it('reads a bounce dragged out of Outlook (.msg): the NDR keeps Orange’s reply in its recipient table', async () => {
    renderApp();
    const msg = readFileSync(join(process.cwd(), 'test/fixtures/extract/msg32/ndr-supplementary-info.msg'));
    drop([new File([msg], 'Non remis Votre devis.msg', { type: 'application/vnd.ms-outlook' })]);
    expect(await screen.findByText(/Fichier : Non remis Votre devis\.msg/)).toBeTruthy();
    const domain = await screen.findByRole('textbox', { name: /Domaine d’envoi/ });
    expect((domain as HTMLInputElement).value).toBe('boutique-durand.example');
    expect(document.body.textContent).toContain('OFR006_103');
  });

  it('decodes a dropped ISO-8859-1 file without replacement characters', async () => {
    renderApp();
    const bytes = Uint8Array.from(
      [...'Réponse du serveur : 550 5.2.0 Mail rejeté. OFR_506 [506]'].map((c) => c.charCodeAt(0)),
    );
    drop([new File([bytes], 'ancien.txt')]);
    expect(await screen.findByText(/Réponse du serveur/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('\uFFFD');
  });

  it('refuses an unsupported file or several at once, saying what to drop', async () => {
    renderApp();
    drop([new File(['%PDF'], 'capture.pdf')]);
    expect(
      await screen.findByText(
        /déposez un fichier \.eml, \.msg \(Outlook\), \.rtf, \.mbox, \.txt, \.log, \.csv, \.json ou \.html, un journal sous son propre nom \(maillog, mail\.log\.1, mail\.info…\) ou un journal compressé en \.gz ou \.zst/,
      ),
    ).toBeTruthy();
    drop([new File(['a'], 'a.txt'), new File(['b'], 'b.txt')]);
    expect(await screen.findByText(/Un seul fichier à la fois/)).toBeTruthy();
  });

  it('opens a file with the native dialog through the API, and reports an unreadable one', async () => {
    const { user } = renderApp({
      openFile: {
        name: 'rejet.log',
        path: '/tmp/rejet.log',
        size: 900,
        text: fixture('postfix-orange.log'),
        error: null,
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir…' }));
    expect(await screen.findByText(/Fichier : rejet\.log/)).toBeTruthy();
    expect(await screen.findByRole('list', { name: 'Incidents trouvés' })).toBeTruthy();
  });

  it('warns when an opened gzip file was cut short, and still reads what it holds', async () => {
    const { user } = renderApp({
      openFile: {
        name: 'mail.log.2.gz',
        path: '/tmp/mail.log.2.gz',
        size: 900,
        text: fixture('postfix-orange.log'),
        error: null,
        compressedCut: 'gzip',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir…' }));
    expect(
      await screen.findByText(
        /« mail\.log\.2\.gz » est tronqué ou endommagé .*: seules les lignes d’avant la coupure ont été lues/,
      ),
    ).toBeTruthy();
    expect(await screen.findByRole('list', { name: 'Incidents trouvés' })).toBeTruthy();
  });

  it('reads a dropped KumoMTA segment or Red Hat maillog without an extension; refuses such a file that is binary', async () => {
    renderApp();
    const dir = join(process.cwd(), 'test/fixtures/extract/audit36zstd');
    drop([new File([readFileSync(join(dir, '20240315-101500'))], '20240315-101500')]);
    expect(await screen.findByText(/Fichier : 20240315-101500/)).toBeTruthy();
    expect(await screen.findByRole('list', { name: 'Incidents trouvés' })).toBeTruthy();
    expect(document.body.textContent).toContain('OFR004_104');
    drop([new File([fixture('postfix-orange.log')], 'maillog')]);
    expect(await screen.findByText(/Fichier : maillog/)).toBeTruthy();
    // A PDF's start: its header, then compressed bytes spread as deflate's are.
    const pdf = Uint8Array.from([
      ...new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<</Filter/FlateDecode>>stream\n'),
      ...Array.from({ length: 2048 }, (_, i) => (i * 167 + 13) % 256),
    ]);
    drop([new File([pdf], 'LISEZMOI')]);
    expect(await screen.findByText(/déposez un fichier \.eml, \.msg \(Outlook\)/)).toBeTruthy();
  });

  it('says an opened zstd file does not match its checksum, and reads its text', async () => {
    const { user } = renderApp({
      openFile: {
        name: '20240315-101500',
        path: '/var/log/kumomta/20240315-101500',
        size: 900,
        text: fixture('postfix-orange.log'),
        error: null,
        checksumMismatch: 'zstd',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir…' }));
    expect(
      await screen.findByText(/« 20240315-101500 » est endommagé \(ses données zstd ne correspondent pas/),
    ).toBeTruthy();
  });

  it('says, as news and not as an error, that bytes after an opened file’s gzip data were ignored', async () => {
    const { user } = renderApp({
      openFile: {
        name: 'mail.log.2.gz',
        path: '/var/log/mail.log.2.gz',
        size: 900,
        text: fixture('postfix-orange.log'),
        error: null,
        trailingIgnored: 'gzip',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir…' }));
    const notice = await screen.findByText(
      /« mail\.log\.2\.gz » : des octets qui ne sont pas des données gzip suivent leur fin .* tout le texte a été lu\./,
    );
    expect(notice.closest('p')?.className).toBe('notice notice--info');
  });

  it('names zstd when an opened KumoMTA segment was cut short', async () => {
    const { user } = renderApp({
      openFile: {
        name: '20240315-101500',
        path: '/var/log/kumomta/20240315-101500',
        size: 900,
        text: fixture('postfix-orange.log'),
        error: null,
        compressedCut: 'zstd',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir…' }));
    expect(
      await screen.findByText(/« 20240315-101500 » est tronqué ou endommagé \(ses données zstd /),
    ).toBeTruthy();
  });

  it('says why an opened file could not be read', async () => {
    const { user } = renderApp({
      openFile: {
        name: 'enorme.log',
        path: '/tmp/enorme.log',
        size: 9e9,
        text: null,
        error: 'file too large',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir…' }));
    expect(await screen.findByText(/Impossible de lire « enorme\.log » : file too large/)).toBeTruthy();
  });

  it('extracts typed text after a short pause, and lets the user edit the text again', async () => {
    const { user } = renderApp();
    const area = screen.getByRole('textbox', { name: /Rejet, message de non-remise/ });
    await user.type(area, '550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]');
    expect(await screen.findByRole('textbox', { name: /Réponse SMTP complète/ })).toBeTruthy();
    expect((area as HTMLTextAreaElement).value).toContain('OFR_506');
  });

  it('shows progress while a large paste is analysed', async () => {
    let finish: () => void = () => {};
    const runner = (
      _text: string,
      onProgress: (p: { phase: 'indexing'; done: number; total: number }) => void,
    ) =>
      new Promise<never>((_resolve, reject) => {
        onProgress({ phase: 'indexing', done: 5, total: 10 });
        finish = () => reject(new Error('stopped'));
      });
    renderApp({ runner });
    fireEvent.paste(document.body, { clipboardData: { getData: () => 'x'.repeat(300_000) } });
    const bar = await screen.findByRole('progressbar', { name: 'Analyse en cours' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('Découpage en lignes : 50 %')).toBeTruthy();
    act(() => finish());
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(
      /L’analyse a échoué\s: stopped\. Vérifiez le texte/,
    );
  });
});
