/** The history group of the IPC contract (filled in by the history work). */
export const historyContract = {};
