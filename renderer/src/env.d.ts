import type { Api } from '../../electron/contract';

declare global {
  interface Window {
    /** The one typed API the preload exposes (see electron/contract). */
    api: Api;
  }
}
