import type { RunOutcome } from '../deck/uds.js';

/**
 * What Mission Control tells CIPHER (seed 004 §3.3, §3.4, §5; cipher-voice.md).
 * `kind` is the event type's keyword name; `affect` biases CIPHER's line.
 */
export type CipherEvent =
  | { readonly kind: 'contract-near-expiry'; readonly contract: number; readonly affect: 'tense' }
  | {
      readonly kind: 'contract-expired';
      readonly contract: number;
      /** `ttl`: its window passed; `capability-lost`: a cart it needed aged to Historical. */
      readonly reason: 'ttl' | 'capability-lost';
      /** Reaped at boot: the deck was off when it went (CIPHER's idle-pass reflection). */
      readonly atBoot: boolean;
      readonly affect: 'reflective';
    }
  | { readonly kind: 'opportunity-detected'; readonly contract: number; readonly affect: 'anomalous' }
  | { readonly kind: 'mission-start'; readonly contract: number; readonly schema: string; readonly threat: number; readonly affect: 'focused' }
  | {
      readonly kind: 'mission-end';
      readonly contract: number;
      readonly result: RunOutcome;
      readonly affect: 'result-success' | 'result-failure';
    };
