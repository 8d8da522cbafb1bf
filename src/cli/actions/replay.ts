import { runCampaign } from '../../campaign/campaign.js';
import { describeFaults } from '../../campaign/faults/rates.js';
import { faultsOf } from '../fault-flags.js';
import { UsageError } from '../options.js';

export interface ReplayOptions {
  seed: number;
  missions: number;
  faults: boolean;
  faultRates?: string;
  skimCredit?: number;
  mission?: number;
  trace?: string;
  placement: 'inline' | 'threads';
  expectHash?: string;
  json: boolean;
}

/** `nosh replay`: one soak campaign again, its violations, its hash and the trace of one mission. */
export async function replayAction(opts: ReplayOptions): Promise<void> {
  if (opts.expectHash !== undefined && !/^[0-9a-f]{64}$/.test(opts.expectHash)) throw new UsageError(`--expect-hash must be the 64 hex digits of a soak's hash, got '${opts.expectHash}'`);
  if (opts.mission !== undefined && opts.trace === undefined) throw new UsageError('--mission picks which mission --trace writes: give --trace FILE.json too');
  if (opts.mission !== undefined && opts.mission > opts.missions) throw new UsageError(`--mission ${opts.mission} is past the ${opts.missions} missions the campaign plays`);
  const faults = faultsOf(opts.faults, opts.faultRates);
  const trace = opts.trace === undefined ? {} : opts.mission === undefined ? { traceFile: opts.trace } : { missionTrace: { mission: opts.mission, file: opts.trace } };
  const s = await runCampaign({ seed: opts.seed, missions: opts.missions, placement: opts.placement, checkInvariants: true, faults, skimCredit: opts.skimCredit ?? null, ...trace });
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  if (!opts.json) {
    out(`replay seed ${s.seed}: ${s.missions} missions (${s.succeeded} succeeded, ${s.failed} failed, ${s.abandoned} abandoned) · ended: ${s.ended}`);
    if (s.faults) out(`faults injected: ${describeFaults(s.faults)}`);
    for (const v of s.violations) out(`VIOLATION ${v.invariant} · mission ${v.mission} · tick ${v.tick}: ${v.detail}`);
    out(`${s.violationCount} violation${s.violationCount === 1 ? '' : 's'} · trace hash ${s.traceHash}`);
    if (opts.trace && opts.mission !== undefined && s.missions < opts.mission) out(`trace: ${opts.trace} is empty: the campaign stopped before mission ${opts.mission} (${s.ended})`);
    else if (opts.trace) out(`trace: ${opts.trace}${opts.mission ? ` (mission ${opts.mission})` : ''} — open it in ui.perfetto.dev`);
  }
  const reproduced = opts.expectHash === undefined ? null : s.traceHash === opts.expectHash;
  if (!opts.json && reproduced === false) out(`HASH MISMATCH: the soak had ${opts.expectHash}; this replay gives ${s.traceHash}`);
  if (!opts.json && s.ended !== 'done') out(`STOPPED: ${s.ended}`);
  out(JSON.stringify({ seed: s.seed, missions: s.missions, violations: s.violationCount, details: s.violations, traceHash: s.traceHash, ended: s.ended, ...(reproduced === null ? {} : { reproduced }) }));
  if (s.violationCount > 0 || s.ended !== 'done' || reproduced === false) process.exitCode = 1;
}
