/**
 * SPF macro strings (RFC 7208 §7): syntax check and expansion. Every letter of §7.3 is supported except
 * that %{p} expands to "unknown" without any look-up (the RFC discourages `p`, and its lookups would count
 * against the limit for no gain in a pre-flight check). %{c}, %{r} and %{t} are only legal in `exp=` text,
 * which this evaluator never expands, so they are syntax errors elsewhere (§7.1).
 */
import type ipaddr from 'ipaddr.js';

export interface MacroContext {
  /** The sender, "local@domain" (we use postmaster@<sending domain>). */
  sender: string;
  /** The connecting IP, already unmapped from ::ffff:a.b.c.d. */
  ip: ipaddr.IPv4 | ipaddr.IPv6;
  /** The HELO/EHLO name, when known. */
  helo: string | null;
}

type Piece =
  | { literal: string }
  | { letter: string; upper: boolean; digits: number | null; reverse: boolean; delimiters: string };

const LETTERS = 'slodiphcrtv';
const EXP_ONLY = 'crt';
const DELIMITERS = '.-+,/_=';

export class MacroSyntaxError extends Error {}

/** Splits a macro-string into literals and macro-expands; throws MacroSyntaxError on any deviation. */
export function parseMacroString(text: string, allowExpOnly = false): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (ch !== '%') {
      if (code < 0x21 || code > 0x7e) throw new MacroSyntaxError(`invalid character in "${text}"`);
      literal += ch;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      literal += next === '%' ? '%' : next === '_' ? ' ' : '%20';
      i += 2;
      continue;
    }
    if (next !== '{') throw new MacroSyntaxError(`lone "%" in "${text}"`);
    const close = text.indexOf('}', i + 2);
    if (close < 0) throw new MacroSyntaxError(`unterminated macro in "${text}"`);
    const body = text.slice(i + 2, close);
    const letter = body[0] ?? '';
    if (!LETTERS.includes(letter.toLowerCase()) || letter === '') {
      throw new MacroSyntaxError(`unknown macro letter in "%{${body}}"`);
    }
    if (!allowExpOnly && EXP_ONLY.includes(letter.toLowerCase())) {
      throw new MacroSyntaxError(`%{${letter}} is only allowed in exp= text`);
    }
    let j = 1;
    let digitText = '';
    while (j < body.length && /[0-9]/.test(body[j] as string)) digitText += body[j++];
    let reverse = false;
    if (body[j] === 'r' || body[j] === 'R') {
      reverse = true;
      j += 1;
    }
    const delimiters = body.slice(j);
    for (const d of delimiters) {
      if (!DELIMITERS.includes(d)) throw new MacroSyntaxError(`invalid delimiter "${d}" in "%{${body}}"`);
    }
    const digits = digitText === '' ? null : Number(digitText);
    if (digits === 0) throw new MacroSyntaxError(`zero transformer in "%{${body}}"`);
    if (literal) pieces.push({ literal });
    literal = '';
    pieces.push({
      letter: letter.toLowerCase(),
      upper: letter !== letter.toLowerCase(),
      digits,
      reverse,
      delimiters,
    });
    i = close + 1;
  }
  if (literal) pieces.push({ literal });
  return pieces;
}

function ipDots(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (ip.kind() === 'ipv4') return ip.toString();
  const hex = (ip as ipaddr.IPv6)
    .toNormalizedString()
    .split(':')
    .map((part) => part.padStart(4, '0'));
  return hex.join('').split('').join('.');
}

function letterValue(letter: string, ctx: MacroContext, domain: string): string {
  const at = ctx.sender.lastIndexOf('@');
  const local = at > 0 ? ctx.sender.slice(0, at) : 'postmaster';
  const senderDomain = at >= 0 ? ctx.sender.slice(at + 1) : ctx.sender;
  switch (letter) {
    case 's':
      return ctx.sender;
    case 'l':
      return local;
    case 'o':
      return senderDomain;
    case 'd':
      return domain;
    case 'i':
      return ipDots(ctx.ip);
    case 'p':
      return 'unknown';
    case 'v':
      return ctx.ip.kind() === 'ipv4' ? 'in-addr' : 'ip6';
    case 'h':
      return ctx.helo ?? 'unknown';
    default:
      return '';
  }
}

function transform(value: string, piece: Extract<Piece, { letter: string }>): string {
  const delims = piece.delimiters || '.';
  let parts: string[] = [];
  let current = '';
  for (const ch of value) {
    if (delims.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  if (piece.reverse) parts.reverse();
  if (piece.digits !== null && piece.digits < parts.length) parts = parts.slice(parts.length - piece.digits);
  const joined = parts.join('.');
  return piece.upper
    ? encodeURIComponent(joined).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : joined;
}

/** Expands a domain-spec for `domain` (the <domain> of the current check_host). */
export function expandDomainSpec(spec: string, ctx: MacroContext, domain: string): string {
  const expanded = parseMacroString(spec)
    .map((piece) =>
      'literal' in piece ? piece.literal : transform(letterValue(piece.letter, ctx, domain), piece),
    )
    .join('');
  return truncateDomain(expanded);
}

/** §7.3: an expanded name longer than 253 characters loses labels on the left until it fits. */
function truncateDomain(name: string): string {
  let result = name.endsWith('.') ? name.slice(0, -1) : name;
  while (result.length > 253) {
    const dot = result.indexOf('.');
    if (dot < 0) return result.slice(result.length - 253);
    result = result.slice(dot + 1);
  }
  return result;
}
