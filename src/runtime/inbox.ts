import * as v from 'valibot';
import { type Envelope, EnvelopeError } from './envelope.js';

/**
 * An actor's inbox: one body schema per message kind. The discriminated union
 * of the actor's messages is derived from it (`MessageOf`), so the type and
 * the runtime check come from one declaration beside the actor.
 */
export type InboxSchema = Readonly<Record<string, v.GenericSchema>>;

export type MessageOf<I extends InboxSchema> = {
  [K in keyof I & string]: Envelope<K, v.InferOutput<I[K]>>;
}[keyof I & string];

/**
 * What a sender may pass as the body of kind `K`: the schema's input, read-only
 * all the way down (a send never changes its body, so a sender's readonly data
 * fits as it is).
 */
export type BodyOf<I extends InboxSchema, K extends keyof I & string> = ReadonlyDeep<v.InferInput<I[K]>>;

type ReadonlyDeep<T> = T extends ArrayBufferLike | ArrayBufferView
  ? T
  : T extends readonly (infer U)[]
    ? readonly ReadonlyDeep<U>[]
    : T extends object
      ? { readonly [P in keyof T]: ReadonlyDeep<T[P]> }
      : T;

export function defineInbox<const I extends InboxSchema>(inbox: I): I {
  return inbox;
}

/**
 * Validate an envelope's body against the receiving actor's inbox. Returns the
 * parsed envelope (the parse also copies plain objects, so a receiver never
 * shares a body object with its sender) or throws an EnvelopeError naming the
 * kind and the field.
 */
export function checkBody<I extends InboxSchema>(inbox: I, actor: string, e: Envelope): MessageOf<I> {
  const schema = Object.hasOwn(inbox, e.kind) ? inbox[e.kind] : undefined;
  if (schema === undefined) {
    const known = Object.keys(inbox).sort().join(', ');
    throw new EnvelopeError(e.kind, 'kind', `unknown to actor '${actor}' (it accepts: ${known || 'nothing'})`);
  }
  const parsed = v.safeParse(schema, e.body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new EnvelopeError(e.kind, issuePath('body', issue), issue.message);
  }
  return { ...e, body: parsed.output } as MessageOf<I>;
}

/** `body.target.nodes.3`-style path of a valibot issue. */
export function issuePath(root: string, issue: v.BaseIssue<unknown>): string {
  return [root, ...(issue.path ?? []).map((p) => String(p.key))].join('.');
}
