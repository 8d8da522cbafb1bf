import { type FaultRates, faultRatesText } from './faults/index.js';

/** What reproduces one campaign of a soak exactly. */
export interface ReplaySpec {
  readonly seed: number;
  readonly missions: number;
  readonly faults: FaultRates | null;
  readonly skimCredit: number | null;
  /** The mission whose Perfetto trace to write. */
  readonly mission: number | null;
  /** The campaign's trace hash in the soak: the replay checks it reproduces it. */
  readonly hash?: string | null;
}

/** The one-line command a soak prints beside each violation. */
export function replayCommand(spec: ReplaySpec): string {
  const parts = ['nosh replay', `--seed ${spec.seed}`, `--missions ${spec.missions}`];
  if (spec.faults) {
    parts.push('--faults');
    const custom = faultRatesText(spec.faults);
    if (custom !== '') parts.push(`--fault-rates ${custom}`);
  }
  if (spec.skimCredit !== null) parts.push(`--skim-credit ${spec.skimCredit}`);
  if (spec.mission !== null) parts.push(`--mission ${spec.mission}`, `--trace replay-${spec.seed}-m${spec.mission}.json`);
  if (spec.hash) parts.push(`--expect-hash ${spec.hash}`);
  return parts.join(' ');
}
