import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  PAGE_CONTENT_SECURITY_POLICY,
  resolveAppRequest,
} from '../../electron/main/app-protocol';

const ROOT = '/opt/app/out/renderer';

describe('app:// protocol', () => {
  it('serves files of the built renderer with their content type', () => {
    expect(resolveAppRequest('app://bundle/index.html', ROOT)).toEqual({
      path: join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://bundle/', ROOT)?.path).toBe(join(ROOT, 'index.html'));
    expect(resolveAppRequest('app://bundle/assets/index-abc.js?x=1', ROOT)?.contentType).toMatch(
      /javascript/,
    );
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/..%2f..%2fetc%2fpasswd',
    'app://bundle/assets/%00.js',
    'app://other/index.html',
    'file:///opt/app/out/renderer/index.html',
    'app://bundle/secret.sh',
    'app://bundle/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toBeNull();
  });

  it('sends the same CSP as the page declares', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(meta?.replace(/\s+/g, ' ').trim()).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
