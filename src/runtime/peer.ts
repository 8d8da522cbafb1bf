import type { InboxSchema } from './inbox.js';

declare const accepts: unique symbol;

/**
 * An actor id that carries the inbox of the actor behind it. `ctx.send` takes
 * only an `Address`, so the kind must be one that inbox declares and the body
 * must fit that kind's schema: a wrong send is a compile error at the sender,
 * not a `reject` at the receiver. At run time it is just the id string.
 */
export type Address<I extends InboxSchema> = string & { readonly [accepts]: I };

/** The longest actor id the kernel accepts (ids travel in every envelope and trace record). */
export const MAX_ACTOR_ID_LENGTH = 128;

/**
 * Name a peer by the inbox it accepts: `peer(HoldTickerInbox, 'hold-ticker')`.
 * Pass the inbox a peer really has, or the part of it a sender may use
 * (`pick`), never a wider one: the type is only as true as this declaration.
 */
export function peer<I extends InboxSchema>(inbox: I, id: string): Address<I> {
  if (typeof inbox !== 'object' || inbox === null) throw new TypeError(`peer('${id}'): the inbox must be an inbox schema`);
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ACTOR_ID_LENGTH) {
    throw new RangeError(`peer: an actor id is 1 to ${MAX_ACTOR_ID_LENGTH} characters, got ${JSON.stringify(id)}`);
  }
  return id as Address<I>;
}

/** The part of an inbox a sender uses, so a peer that accepts more need not be named in full. */
export function pick<I extends InboxSchema, const K extends keyof I & string>(inbox: I, kinds: readonly K[]): Pick<I, K> {
  const part: Partial<Pick<I, K>> = {};
  for (const k of kinds) {
    if (!Object.hasOwn(inbox, k)) throw new RangeError(`pick: the inbox has no kind '${k}'`);
    part[k] = inbox[k];
  }
  return part as Pick<I, K>;
}

/**
 * A peer whose inbox is not declared: any kind, any body. For tests of the
 * kernel's own checks (a sender that means to send what nobody accepts);
 * lint keeps it out of actors/ and hardware-sim/, where every peer is named
 * by its inbox.
 */
export function untypedPeer(id: string): Address<InboxSchema> {
  return peer({}, id) as Address<InboxSchema>;
}
