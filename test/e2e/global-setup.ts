/** Builds the app once before the end-to-end tests (they load the built renderer, as Electron would). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
