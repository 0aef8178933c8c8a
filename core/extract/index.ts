/** Public entry of the extraction engine. */
export { extractIps, isNonPublicIp, isOrangeIp, normalizeIp } from './ip';
export { ORANGE_MAIL_DOMAINS, ORANGE_MX_NAMES, ORANGE_NETWORKS } from './orange-network';
export type { ParsedReply } from './reply';
export { foldText, isOrangeHost, isOrangeSpfRefusal, parseReply, unwrapReply } from './reply';
