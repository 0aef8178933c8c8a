import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/extract/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${dir}${name}`));
}

export function fixtureText(name: string): string {
  return readFileSync(`${dir}${name}`, 'utf8');
}

export function fixturePath(name: string): string {
  return `${dir}${name}`;
}
