import { type Command, Option } from 'commander';
import { runCampaign } from '../../campaign/campaign.js';
import { DEFAULT_FAULT_RATES, FAULT_KINDS, describeFaults } from '../../campaign/faults/index.js';
import { integer, oneOf } from '../options.js';
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
    .option('--trace <file.json>', 'write a Chrome Trace Event file (open in ui.perfetto.dev)')
    .option('--placement <where>', 'inline (as the soak ran it) or threads: the hash is the same', oneOf('--placement', ['inline', 'threads'] as const), 'inline')
    .option('--json', 'print only a JSON summary as the last line', false)
    .action(async (opts: ReplayOptions) => {
      if (opts.mission !== undefined && opts.trace === undefined) throw new Error('--mission picks which mission --trace writes: give --trace FILE.json too');
      if (opts.mission !== undefined && opts.mission > opts.missions) throw new Error(`--mission ${opts.mission} is past the ${opts.missions} missions the campaign plays`);
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
      out(JSON.stringify({ seed: s.seed, missions: s.missions, violations: s.violationCount, details: s.violations, traceHash: s.traceHash, ended: s.ended }));
      if (s.violationCount > 0) process.exitCode = 1;
    });
}
