/**
 * Facts about Orange's mail platform, kept as data so they can be reviewed and extended in one place.
 *
 * Sources:
 * - MX names: observed in real bounces (`host smtp-in.orange.fr[193.252.22.65] said`), and in the public
 *   DNS MX records of orange.fr and wanadoo.fr (../shared/notes/orange.md, section 2) [S].
 * - Networks: RIPE NCC allocations to France Telecom / Orange S.A. (whois: 193.252.0.0/16 "FR-FTCI",
 *   80.12.0.0/16 "Wanadoo / Orange", 2a01:c000::/19 "FR-TELECOM-20050518"); MX addresses seen in
 *   bounces are 193.252.22.x, 80.12.242.x and 80.12.24.x, all inside these ranges [S].
 */

/** Host names of Orange's inbound MX and submission relays seen in bounces. */
export const ORANGE_MX_NAMES: readonly string[] = [
  'smtp-in.orange.fr',
  'smtp.wanadoo.fr',
  'smtppromx.orange.fr',
  'smtp.orange.fr',
  'smtpauth.orange.fr',
];

/** Domains whose hosts belong to Orange's consumer mail platform (Orange Business is separate). */
export const ORANGE_MAIL_DOMAINS: readonly string[] = ['orange.fr', 'wanadoo.fr'];

/** True for a recipient domain of Orange's consumer mail (ORANGE_MAIL_DOMAINS). */
export function isOrangeMailDomain(domain: string | null): boolean {
  return domain !== null && ORANGE_MAIL_DOMAINS.includes(domain);
}

/** Orange networks in CIDR form, with their RIPE registration. */
export const ORANGE_NETWORKS: readonly { cidr: string; registry: string }[] = [
  { cidr: '193.252.0.0/16', registry: 'RIPE, France Telecom (FR-FTCI), hosts the smtp-in.orange.fr MX' },
  { cidr: '80.12.0.0/16', registry: 'RIPE, Wanadoo / Orange, hosts 80.12.242.x and 80.12.24.x MX' },
  { cidr: '2a01:c000::/19', registry: 'RIPE, France Telecom / Orange IPv6 allocation' },
];
