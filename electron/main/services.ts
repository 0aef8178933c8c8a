/**
 * Builds every service behind the contract from plain dependencies. The Electron main process and the
 * end-to-end harness both call this, so the tests drive the same services the app runs.
 */
import { join } from 'node:path';
import type { Services } from '../contract';
import { type AppServiceDeps, createAppService } from '../services/app-service';
import { createHistoryService } from '../services/history/service';
import { createPreflightService, type PreflightServiceOptions } from '../services/preflight/service';

export interface ServiceDeps extends Omit<AppServiceDeps, 'settingsPath'> {
  /** The app's user-data folder (settings, history). */
  userDataDir: string;
  /** DNS options for the pre-flight checks (tests point them at a loopback server). */
  preflight?: PreflightServiceOptions;
}

export function createServices(deps: ServiceDeps): Services {
  const app = createAppService({ ...deps, settingsPath: join(deps.userDataDir, 'settings.json') });
  return {
    app,
    history: createHistoryService({ dir: join(deps.userDataDir, 'history') }),
    preflight: createPreflightService({
      // The Abusix key the user saved in the settings, read at each check (so a new key applies at once).
      abusixKey: async () => (await app.getSettings({})).abusixKey,
      ...deps.preflight,
    }),
  };
}
