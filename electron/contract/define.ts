/**
 * The building blocks of the IPC contract. Every channel is declared once, with the zod schema of its
 * payload and the TypeScript type of its result; the main process validates with the schema before any
 * handler runs, and the preload and renderer derive their types from the same declaration.
 */
import type { z } from 'zod';

/** One request/response operation: the renderer invokes it, the main process answers. */
export interface Operation<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field: carries the result type only. */
  readonly output?: O;
}

export function operation<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input });
}

/** One push message from the main process to the renderer (progress, menu commands). */
export interface PushEvent<P> {
  readonly payload?: P;
}

export function pushEvent<P>(): PushEvent<P> {
  return {};
}

export type Group = Record<string, Operation<z.ZodType, unknown>>;

export type InputOf<Op> = Op extends Operation<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<Op> = Op extends Operation<infer I, unknown> ? z.output<I> : never;
export type OutputOf<Op> = Op extends Operation<z.ZodType, infer O> ? O : never;

/** What the renderer sees for a group: one async function per operation. */
export type GroupApi<G extends Group> = {
  [M in keyof G]: (input: InputOf<G[M]>) => Promise<OutputOf<G[M]>>;
};

/** What the main process implements for a group: one function per operation, on validated input. */
export type GroupImpl<G extends Group> = {
  [M in keyof G]: (input: ParsedInputOf<G[M]>) => Promise<OutputOf<G[M]>> | OutputOf<G[M]>;
};

/** The IPC channel name of an operation: `group:method`. */
export const channelName = (group: string, method: string) => `${group}:${method}`;
