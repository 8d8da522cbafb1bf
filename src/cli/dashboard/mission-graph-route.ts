import { runCampaign } from '../../campaign/campaign.js';
import { missionGraphSvg } from '../../campaign/report/mission-graph.js';
import { MissionGraphTracker, type MissionGraphView } from '../../campaign/report/mission-graph-tracker.js';
import type { SoakLive } from '../../campaign/soak-live.js';

/** Drawings kept (oldest dropped first): a page clicking back and forth costs no replay. */
export const CACHED_MISSION_GRAPHS = 32;

export type GraphAnswer = { readonly status: 200; readonly svg: string } | { readonly status: 404; readonly why: string };

/** What `/mission-graph/SEED/N.svg` asks: campaign SEED's mission N, drawn at resolve. */
export type MissionGraphSource = (seed: number, mission: number) => Promise<GraphAnswer>;

/**
 * The task graph of any settled mission of the soak, at resolve, drawn on demand by replaying
 * its campaign from the seed with the soak's config (faults, skim) up to that mission: a soak
 * campaign is deterministic, so the replay is the mission the soak played (`nosh replay`'s
 * promise). Nothing runs unless a page asks; replays run one at a time, inline on this thread,
 * and two asks for one mission share its replay.
 */
export function settledMissionGraphs(live: SoakLive): MissionGraphSource {
  const kept = new Map<string, Promise<string>>();
  let queue: Promise<unknown> = Promise.resolve();
  return async (seed, mission) => {
    const c = live.config;
    if (seed < c.seed || seed >= c.seed + c.campaigns) return { status: 404, why: `seed ${seed} is not one of this soak's campaigns (${c.seed}–${c.seed + c.campaigns - 1})` };
    if (mission < 1 || mission > live.settled(seed)) return { status: 404, why: `mission ${mission} of campaign ${seed} has not settled (it has settled ${live.settled(seed)})` };
    const key = `${seed}/${mission}`;
    let drawing = kept.get(key);
    if (drawing === undefined) {
      drawing = queue.then(() => draw(live, seed, mission));
      queue = drawing.catch(() => {});
      kept.set(key, drawing);
      // A failed replay is not kept: the next ask tries again and says why.
      const mine = drawing;
      mine.catch(() => kept.get(key) === mine && kept.delete(key));
      if (kept.size > CACHED_MISSION_GRAPHS) kept.delete(kept.keys().next().value as string);
    }
    return { status: 200, svg: await drawing };
  };
}

async function draw(live: SoakLive, seed: number, mission: number): Promise<string> {
  let view: MissionGraphView | null = null;
  const tracker = new MissionGraphTracker((v) => {
    if (v.mission === mission && v.when === 'resolve') view = v;
  });
  const c = live.config;
  await runCampaign({ seed, missions: mission, placement: 'inline', checkInvariants: true, faults: c.faults, skimCredit: c.skimCredit, onEnvelope: (e) => tracker.envelope(e) });
  const found = view as MissionGraphView | null;
  if (found === null) throw new Error(`the replay of campaign ${seed} did not settle mission ${mission}`);
  return missionGraphSvg(`seed ${seed} · ${found.title}`, found.goals);
}
