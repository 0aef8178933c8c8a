/** The ticket for Orange's abuse desk form, in French and English. */
export type { Ticket, TicketInput, TicketItems } from './build';
export { buildTicket, buildTickets, MAX_LISTED_INCIDENTS } from './build';
export type { MessageKey } from './catalog';
export { CATALOGS, EN, FR } from './catalog';
export { formatIncidentDate } from './date';
export type { TicketMode, TicketPlan } from './mode';
export { planTicket } from './mode';
