/** Installers cannot be built here (electron-builder downloads Electron): check the configuration instead. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  files?: string[];
  electronFuses?: Record<string, boolean>;
  linux?: { icon?: string; target?: string[] };
  win?: { icon?: string; target?: string[] };
  mac?: { icon?: string; target?: string[] };
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Abuse Desk Assistant');
  });

  it('targets AppImage and deb, NSIS, and dmg, with an icon from assets/ that exists', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(platform?.icon).toMatch(/^assets\//);
      expect(existsSync(platform?.icon ?? '')).toBe(true);
    }
  });

  it('packs only the built output into an asar', () => {
    expect(config.asar).toBe(true);
    const included = (config.files ?? []).filter((f) => !f.startsWith('!'));
    expect(included).toEqual(['out/**/*', 'package.json']);
  });

  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('pins Electron exactly to 45.5.0', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.electron).toBe('45.5.0');
  });
});
