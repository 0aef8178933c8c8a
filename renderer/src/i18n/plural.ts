/**
 * A count with its noun in the right number. French takes the singular for 0 and 1 (`0 incident`,
 * `1 incident`, `2 incidents`), English only for 1 (`0 incidents`). `shown` is the count as the
 * interface writes it (`1 234`), when it differs from the bare number.
 */
export function countFr(n: number, one: string, other: string, shown: string = String(n)): string {
  return `${shown} ${n <= 1 ? one : other}`;
}

export function countEn(n: number, one: string, other: string, shown: string = String(n)): string {
  return `${shown} ${n === 1 ? one : other}`;
}
