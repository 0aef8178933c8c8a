/** The logs group of the IPC contract (filled in by the logs work). */
export const logsContract = {};
