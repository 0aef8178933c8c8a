/** Doyensec's electronegativity over the app's code, offline: no unreviewed MEDIUM or HIGH finding. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan, unreviewed } from '../../scripts/security-scan';

describe('security scan (electronegativity, Electron 45.5.0)', () => {
  it('finds nothing of medium or high severity that was not reviewed', async () => {
    const findings = await scan();
    expect(unreviewed(findings).map((f) => `${f.check} ${f.file}:${f.line}`)).toEqual([]);
  }, 60_000);

  it('does flag an insecure window, so the check above can fail', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ada-bad-'));
    mkdirSync(join(root, 'electron'));
    writeFileSync(
      join(root, 'electron', 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
    );
    try {
      const failing = unreviewed(await scan(['electron'], root)).map((f) => f.check);
      expect(failing).toEqual(
        expect.arrayContaining([
          'CONTEXT_ISOLATION_JS_CHECK',
          'LIMIT_NAVIGATION_GLOBAL_CHECK',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        ]),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
