/**
 * Electron never runs here, so this checks what it would load from the build (made by the e2e global
 * setup): package.json's `main`, the preload and page paths the main bundle uses, the preload's module
 * format and requires, and the built page's CSP and script tags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
const mainPath = join(root, pkg.main);

describe('build output', () => {
  it("package.json's main points at the built main bundle", () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(existsSync(mainPath)).toBe(true);
  });

  it('the preload and index.html paths the main bundle uses exist', () => {
    const main = readFileSync(mainPath, 'utf8');
    const preload = main.match(/["'](\.\.\/preload\/[^"']+)["']/)?.[1];
    const rendererDir = main.match(/["'](\.\.\/renderer)["']/)?.[1];
    expect(preload).toBe('../preload/index.cjs');
    expect(rendererDir).toBe('../renderer');
    expect(existsSync(resolve(dirname(mainPath), preload ?? ''))).toBe(true);
    // The window loads app://bundle/index.html, served from that folder.
    expect(main).toContain('app://bundle/index.html');
    expect(existsSync(resolve(dirname(mainPath), rendererDir ?? '', 'index.html'))).toBe(true);
  });

  it('the main bundle imports nothing but electron and Node built-ins (no node_modules at run time)', () => {
    const main = readFileSync(mainPath, 'utf8');
    const specifiers = [...main.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']([^"']+)["']/g)].map(
      (m) => m[1],
    );
    // A bundled library may name a built-in without `node:` (cfb's lazy `require("fs")`, for files).
    const builtin = (s: string) => s.startsWith('node:') || builtinModules.includes(s);
    const outside = specifiers.filter((s) => s !== 'electron' && !(s && builtin(s)));
    expect(outside).toEqual([]);
  });

  it('the preload is CommonJS, requires only electron, and exposes the typed API', () => {
    const code = readFileSync(join(root, 'out/preload/index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`preload requires ${name}`);
        return electron;
      },
    });
    expect([...new Set(required)]).toEqual(['electron']);
    const api = exposed.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['app', 'history', 'on', 'preflight']);
    expect(typeof (api.app as Record<string, unknown>).copyText).toBe('function');
  });

  it('the built page has a strict CSP and loads only its own module scripts', () => {
    const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      expect(attrs).toMatch(/type="module"/);
      expect(attrs).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    }
    expect(html).not.toMatch(/\bstyle="/);
    expect(html).not.toMatch(/<(link|img|script)[^>]+(src|href)="(https?:)?\/\//);
  });
});
