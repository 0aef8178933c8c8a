/** Orange knowledge: what each reason number means, the advice for an incident, the links it may offer. */
export { type AdviceContext, advise, ORANGE_FORM_OPTION, reasonEntryFor } from './advice';
export { NEXT_STEP_LABELS, PERSISTENCE_LABELS, PLATFORM_LABELS, SURENESS_LABELS } from './labels';
export {
  ALLOWED_LINK_HOSTS,
  abusixLookupLink,
  buildLink,
  cloudmarkResetLink,
  isAllowedLink,
  type LinkKind,
  ORANGE_POSTMASTER_URL,
  orangePostmasterLink,
  spamhausLookupLink,
} from './links';
export { otherProvider, refusedElsewhere } from './other-provider';
export { findReason, findReasonById, isTokenlessSpfReply, reasonForReply } from './reason-lookup';
export { type Persistence, type Platform, REASONS, type ReasonEntry, type Sureness } from './reasons';
