import type { CartSeen, Uds } from './uds.js';
import { isCartMask } from './uds.js';

/**
 * A cartridge was seen in the slot at `now` (inserted, or still there at a
 * save): its cartridge_history bit is set for good (registration is
 * permanent) and its last-seen time moves forward (never back: a deck clock
 * set backwards must not make a cart look older than it is).
 */
export function recordCartSeen(uds: Uds, mask: number, now: number): Uds {
  if (!isCartMask(mask)) throw new RangeError(`cartridge mask must be a single bit, got ${mask}`);
  const seen: CartSeen[] = uds.cartLastSeen.filter((s) => s.mask !== mask);
  const prev = uds.cartLastSeen.find((s) => s.mask === mask);
  seen.push({ mask, at: Math.max(prev?.at ?? 0, now) });
  seen.sort((a, b) => a.mask - b.mask);
  return { ...uds, cartridgeHistory: (uds.cartridgeHistory | mask) >>> 0, cartLastSeen: seen };
}

/** When the cartridge with this mask was last seen, or null if never. */
export function cartLastSeenAt(uds: Uds, mask: number): number | null {
  return uds.cartLastSeen.find((s) => s.mask === mask)?.at ?? null;
}
