/**
 * Builds every service behind the contract from plain dependencies. The Electron main process and the
 * end-to-end harness both call this, so the tests drive the same services the app runs.
 */
import { join } from 'node:path';
import type { Services } from '../contract';
import { type AppServiceDeps, createAppService } from '../services/app-service';

export interface ServiceDeps extends Omit<AppServiceDeps, 'settingsPath'> {
  /** The app's user-data folder (settings, history). */
  userDataDir: string;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    app: createAppService({ ...deps, settingsPath: join(deps.userDataDir, 'settings.json') }),
    history: {},
    preflight: {},
    logs: {},
  };
}
