import * as v from 'valibot';
import type { CapabilityResult, Prompt, Telemetry } from '../cartridges/game.js';

/** What a capability call carries; the same shape Mission Control builds from a contract. */
export const CapabilityCallBody = v.object({
  callId: v.string(),
  params: v.object({
    seed: v.pipe(v.number(), v.integer()),
    threat: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)),
    mission: v.record(v.string(), v.unknown()),
  }),
  /** Who answers prompts (the Mission Runner). */
  operator: v.string(),
  /** Who hears telemetry and the result besides the operator (Mission Control, the hold ticker). */
  watchers: v.pipe(v.array(v.string()), v.maxLength(16)),
});
export type CapabilityCall = v.InferOutput<typeof CapabilityCallBody>;

export const MoveBody = v.object({ callId: v.string(), move: v.object({ verb: v.string(), target: v.optional(v.string()) }) });

/** Outgoing bodies (the operator's and watchers' inboxes declare these kinds). */
export interface CartPrompt {
  readonly callId: string;
  readonly cart: string;
  readonly prompt: Prompt;
  /** Set when the previous move was refused. */
  readonly error: string | null;
}
export type CartTelemetry = Telemetry & { readonly callId: string; readonly cart: string };
export interface CapabilityResultBody {
  readonly callId: string;
  readonly cart: string;
  readonly result: CapabilityResult;
}
