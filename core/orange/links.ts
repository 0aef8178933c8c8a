/**
 * Links the advice may offer. Every URL is https and its host is listed in ALLOWED_LINK_HOSTS, the
 * allow-list the main process checks before opening anything in the browser.
 * Forms from the replies themselves (Cloudmark, Abusix) and the public look-up pages (Spamhaus, Orange).
 */
import ipaddr from 'ipaddr.js';
import type { Link } from '../types';

export const ALLOWED_LINK_HOSTS: readonly string[] = [
  'csi.cloudmark.com',
  'lookup.abusix.com',
  'check.spamhaus.org',
  'postmaster.orange.fr',
];

export type LinkKind = 'cloudmark-reset' | 'abusix-lookup' | 'spamhaus-lookup' | 'orange-postmaster';

export const ORANGE_POSTMASTER_URL = 'https://postmaster.orange.fr/';

/** Only a valid IP address or a plausible domain name is ever put into a URL. */
function safeQuery(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (ipaddr.isValid(trimmed)) return ipaddr.parse(trimmed).toString();
  if (/^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}$/.test(trimmed)) return trimmed.toLowerCase();
  return null;
}

function isIp(value: string): boolean {
  return ipaddr.isValid(value);
}

/** Cloudmark's reset request form, with the sending IP filled in when known (as Orange's 102 reply does). */
export function cloudmarkResetLink(ip?: string | null): Link {
  const q = safeQuery(ip);
  const url =
    q && isIp(q)
      ? `https://csi.cloudmark.com/reset-request/?ip=${encodeURIComponent(q)}`
      : 'https://csi.cloudmark.com/reset-request/';
  return {
    label: {
      fr: q ? `Demande de réinitialisation Cloudmark pour ${q}` : 'Demande de réinitialisation Cloudmark',
      en: q ? `Cloudmark reset request for ${q}` : 'Cloudmark reset request',
    },
    url,
  };
}

/** Abusix's public look-up (accepts an IP address or a domain), as linked by Orange's 100 reply. */
export function abusixLookupLink(target?: string | null): Link {
  const q = safeQuery(target);
  return {
    label: {
      fr: q ? `Vérifier ${q} chez Abusix` : 'Recherche Abusix',
      en: q ? `Look up ${q} at Abusix` : 'Abusix look-up',
    },
    url: q ? `https://lookup.abusix.com/search?q=${encodeURIComponent(q)}` : 'https://lookup.abusix.com/',
  };
}

/** Spamhaus' public reputation checker (IP addresses and domains). */
export function spamhausLookupLink(target?: string | null): Link {
  const q = safeQuery(target);
  return {
    label: {
      fr: q ? `Vérifier ${q} chez Spamhaus` : 'Vérification Spamhaus',
      en: q ? `Look up ${q} at Spamhaus` : 'Spamhaus look-up',
    },
    url: q
      ? `https://check.spamhaus.org/results/?query=${encodeURIComponent(q)}`
      : 'https://check.spamhaus.org/',
  };
}

export function orangePostmasterLink(): Link {
  return {
    label: {
      fr: 'Page postmaster d’Orange (formulaire de contact)',
      en: 'Orange postmaster page (contact form)',
    },
    url: ORANGE_POSTMASTER_URL,
  };
}

export function buildLink(kind: LinkKind, target: string | null): Link {
  switch (kind) {
    case 'cloudmark-reset':
      return cloudmarkResetLink(target);
    case 'abusix-lookup':
      return abusixLookupLink(target);
    case 'spamhaus-lookup':
      return spamhausLookupLink(target);
    case 'orange-postmaster':
      return orangePostmasterLink();
  }
}

/** True when the URL is https on the default port, without credentials, and its host is on the allow-list. */
export function isAllowedLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.port === '' &&
      ALLOWED_LINK_HOSTS.includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}
