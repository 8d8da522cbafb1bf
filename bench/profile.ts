import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCampaign } from '../src/campaign/campaign.js';
import { round } from './measure.js';

/**
 * Where a warm stepped tick goes, by component: one warm inline campaign
 * under V8's sampling profiler, each sample charged to the innermost frame
 * whose original source (read through the bundles' source maps) belongs to a
 * component, so Lisp called by Mission Control counts as Lisp. Shares are
 * scaled to the same campaign's time without the profiler, measured in the
 * same run, since sampling itself costs a little.
 */

export interface ProfileSize {
  readonly missions: number;
  /** Campaigns played before measuring (JIT warm-up). */
  readonly warmups: number;
}

export const DEFAULT_PROFILE_SIZE: ProfileSize = { missions: 30, warmups: 3 };

/** Component of an original source path (first match wins); order matters where paths nest. Figures are `<component>Us`: µs of a stepped tick. */
const COMPONENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/valibot/, 'bodyChecks'],
  [/src\/runtime\/trace\//, 'trace'],
  [/src\/runtime\/wire-value/, 'plainDataCheck'],
  [/src\/lisp\//, 'lisp'],
  [/src\/campaign\/invariants\//, 'invariants'],
  [/actors\/hold-ticker\/|src\/objectives\//, 'holdTickerAndObjectives'],
  [/actors\/mission-control\/|src\/mission-control\/|src\/deck\//, 'missionControl'],
  [/actors\/mission-runner\//, 'missionRunner'],
  [/actors\/cartridge\//, 'cartGame'],
  [/hardware-sim\/flash\//, 'flash'],
  [/hardware-sim\/display\//, 'displayBus'],
  [/actors\/cipher\//, 'cipher'],
  [/hardware-sim\/(clock|slot-watcher)\//, 'clockAndSlotWatcher'],
  [/src\/runtime\/|node_modules\/rxjs|node_modules\/tinyqueue|node_modules\/seedrandom/, 'kernel'],
  [/src\/campaign\//, 'campaign'],
];

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export async function profileSuite(size: ProfileSize = DEFAULT_PROFILE_SIZE): Promise<Record<string, number>> {
  for (let i = 0; i < size.warmups; i++) await runCampaign({ seed: 100 + i, missions: size.missions, placement: 'inline' });
  const started = performance.now();
  const plain = await runCampaign({ seed: 11, missions: size.missions, placement: 'inline' });
  const plainMs = performance.now() - started;
  const profile = await sampled(() => runCampaign({ seed: 11, missions: size.missions, placement: 'inline' }));
  const shares = componentShares(profile);
  const usPerTick = (plainMs * 1000) / plain.steppedTicks;
  const out: Record<string, number> = {
    missions: size.missions,
    steppedTicks: plain.steppedTicks,
    envelopes: plain.envelopes,
    usPerSteppedTick: round(usPerTick, 2),
    msPerMission: round(plainMs / size.missions, 2),
  };
  for (const [component, share] of [...shares].sort((a, b) => b[1] - a[1])) out[`${component}Us`] = round(share * usPerTick, 2);
  return out;
}

async function sampled(run: () => Promise<unknown>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await run();
    const { profile } = await session.post('Profiler.stop');
    return profile as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}

/** Each component's share of the sampled time (the profiler's own frames left out). */
function componentShares(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sources = new SourceNames();
  const time = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((leaf, i) => {
    const component = componentOf(leaf, byId, parent, sources);
    if (component === null) return;
    const dt = profile.timeDeltas[i] ?? 0;
    time.set(component, (time.get(component) ?? 0) + dt);
    total += dt;
  });
  return new Map([...time].map(([c, t]) => [c, total > 0 ? t / total : 0]));
}

function componentOf(leaf: number, byId: ReadonlyMap<number, ProfileNode>, parent: ReadonlyMap<number, number>, sources: SourceNames): string | null {
  const top = byId.get(leaf);
  if (top?.callFrame.functionName === '(garbage collector)') return 'gc';
  if (top?.callFrame.functionName === '(idle)' || top?.callFrame.functionName === '(program)') return null;
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) break;
    // The profiler's own machinery is not the deck's cost.
    if (frame.url.startsWith('node:inspector')) return null;
    const source = sources.of(frame);
    for (const [pattern, name] of COMPONENTS) if (pattern.test(source)) return name;
  }
  return 'other';
}

/** Original source of a frame: through the bundle's source map when it has one, else its own path. */
class SourceNames {
  private readonly maps = new Map<string, SourceMap | null>();

  of(frame: ProfileNode['callFrame']): string {
    if (!frame.url.includes('/dist/bundle/')) return frame.url;
    const map = this.mapOf(frame.url);
    if (map === null) return frame.url;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    return entry.originalSource ?? frame.url;
  }

  private mapOf(url: string): SourceMap | null {
    const known = this.maps.get(url);
    if (known !== undefined) return known;
    let map: SourceMap | null = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      // A bundle without its map is charged by its own path.
    }
    this.maps.set(url, map);
    return map;
  }
}
