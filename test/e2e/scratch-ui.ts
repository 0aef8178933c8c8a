import { readFileSync } from 'node:fs';
import { closeBrowser, launchApp } from './harness';

const app = await launchApp({
  viewport: { width: 1400, height: 900 },
  colorScheme: (process.argv[2] as 'light' | 'dark') ?? 'light',
});
await app.page.getByRole('heading', { level: 1 }).waitFor();
await app.page.screenshot({ path: '/tmp/shots/empty.png' });
const text = readFileSync('test/fixtures/ui/' + (process.argv[3] ?? 'postfix-dsn-ofr102.eml'), 'latin1');
await app.page.evaluate((t) => {
  const dt = new DataTransfer();
  dt.setData('text/plain', t);
  document.body.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
  );
}, text);
await app.page.waitForTimeout(800);
await app.page.screenshot({ path: '/tmp/shots/pasted.png' });
await app.page.screenshot({ path: '/tmp/shots/pasted-full.png', fullPage: true });
console.log(app.pageErrors);
await app.close();
await closeBrowser();
