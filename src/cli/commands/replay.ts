import { type Command, Option } from 'commander';
import { runCampaign } from '../../campaign/campaign.js';
import { DEFAULT_FAULT_RATES, FAULT_KINDS, describeFaults } from '../../campaign/faults/index.js';
import { outputFile } from '../output-paths.js';
import { integer, oneOf, UsageError } from '../options.js';
import { faultsOf } from './soak.js';

interface ReplayOptions {
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

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Replay one campaign of a soak exactly (same seed, same faults): its invariant violations, its trace hash, and the Perfetto trace of one mission.')
    .requiredOption('--seed <s>', 'the campaign seed (as a soak prints it)', integer('--seed'))
    .requiredOption('--missions <m>', 'missions the campaign played', integer('--missions', 1, 1_000_000))
    .option('--faults', 'with the same seeded faults as the soak', false)
    .option('--fault-rates <list>', `with --faults: the soak's rates (defaults ${FAULT_KINDS.map((k) => `${k}=${DEFAULT_FAULT_RATES[k]}`).join(',')})`)
    .addOption(new Option('--skim-credit <n>', 'test only: as the soak had it').argParser(integer('--skim-credit', 1)).hideHelp())
    .option('--mission <k>', 'with --trace: trace only mission K (from its acceptance to its settlement)', integer('--mission', 1))
    .option('--trace <file.json>', 'write a Chrome Trace Event file (open in ui.perfetto.dev)', outputFile('--trace'))
    .option('--placement <where>', 'inline (as the soak ran it) or threads: the hash is the same', oneOf('--placement', ['inline', 'threads'] as const), 'inline')
    .option('--expect-hash <sha256>', "the soak's hash for this seed: exit 1 unless the replay reproduces it")
    .option('--json', 'print only a JSON summary as the last line', false)
    .addHelpText(
      'after',
      `
Examples:
  nosh replay --seed 41 --missions 8 --faults --mission 4 --trace replay-41-m4.json
  nosh replay --seed 7 --missions 100 --faults --expect-hash 2b43c1e3…  (the hash from soak --json)

Exit status 1 when an invariant was violated, the campaign stopped early, or the hash differs from --expect-hash.`,
    )
    .action(async (opts: ReplayOptions) => {
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
    });
}
