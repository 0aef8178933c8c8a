/** The incident history store (issue 6): see service.ts for the operations, file-store.ts for the file. */

export { HistoryError } from './errors';
export type { HistoryFs } from './fs';
export { maskRecipients } from './mask';
export * from './schema';
export { createHistoryService, type HistoryService, type HistoryServiceOptions } from './service';
