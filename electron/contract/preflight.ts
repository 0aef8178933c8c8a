/** The preflight group of the IPC contract (filled in by the preflight work). */
export const preflightContract = {};
