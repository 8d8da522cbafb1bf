import type { RunOutcome } from '../deck/uds.js';
import { contractLabel } from './format.js';

/**
 * What Mission Control tells CIPHER (seed 004 §3.3, §3.4, §5; cipher-voice.md).
 * `event` and `affect` are the CIPHER actor's own vocabulary
 * (actors/cipher/lines.ts), so `cipherMessage` is all it takes to send one.
 */
export type CipherEvent =
  | { readonly event: 'contract-near-expiry'; readonly contract: number; readonly affect: 'terse' }
  | {
      readonly event: 'contract-expired';
      readonly contract: number;
      /** `ttl`: its window passed; `capability-lost`: a cart it needed aged to Historical. */
      readonly reason: 'ttl' | 'capability-lost';
      /** Reaped at boot: the deck was off when it went (CIPHER's idle-pass reflection). */
      readonly atBoot: boolean;
      readonly affect: 'drift';
    }
  | { readonly event: 'opportunity-detected'; readonly contract: number; readonly affect: 'anomalous' }
  | { readonly event: 'mission-start'; readonly contract: number; readonly schema: string; readonly threat: number; readonly affect: 'terse' }
  | {
      readonly event: 'mission-end';
      readonly contract: number;
      readonly result: RunOutcome;
      readonly affect: 'result-success' | 'result-failure';
    };

/** The body of a `cipher/event` envelope: the event, its affect, and the rest as detail (the contract as C-XXXX). */
export function cipherMessage(e: CipherEvent): { event: CipherEvent['event']; affect: CipherEvent['affect']; detail: Record<string, string | number | boolean> } {
  const { event, affect, contract, ...rest } = e;
  return { event, affect, detail: { contract: contractLabel(contract), ...rest } };
}
