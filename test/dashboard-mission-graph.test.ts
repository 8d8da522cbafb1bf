import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { DEFAULT_FAULT_RATES, type FaultRates } from '../src/campaign/faults/index.js';
import type { MissionPoint } from '../src/campaign/mission-series.js';
import { missionGraphSvg } from '../src/campaign/report/mission-graph.js';
import { MissionGraphTracker, type MissionGraphView } from '../src/campaign/report/mission-graph-tracker.js';
import { nosh } from './helpers/cli.js';
import { startDashboardSoak } from './helpers/dashboard-soak.js';
import { rawGet } from './helpers/raw-get.js';

/** Mission `mission` of a whole campaign of `missions`, played here in full and drawn at resolve as the dashboard titles it. */
async function playedGraph(seed: number, missions: number, mission: number, faults: FaultRates | null): Promise<string> {
  const views = new Map<number, MissionGraphView>();
  const tracker = new MissionGraphTracker((v) => v.when === 'resolve' && views.set(v.mission, v));
  await runCampaign({ seed, missions, placement: 'inline', checkInvariants: true, faults, skimCredit: null, onEnvelope: (e) => tracker.envelope(e) });
  const view = views.get(mission);
  if (!view) throw new Error(`campaign ${seed} did not settle mission ${mission}`);
  return missionGraphSvg(`seed ${seed} · ${view.title}`, view.goals);
}

describe("a settled mission's task graph on the soak dashboard", () => {
  it("is the mission the soak played (byte-equal to nosh run --graph of the seed), and only settled missions of the soak's own campaigns are drawn", async () => {
    const soak = await startDashboardSoak(['--campaigns', '3', '--missions', '5', '--workers', '2', '--seed', '40']);
    try {
      await soak.final;
      // Two asks at once share one replay and get the same drawing.
      const [got, again] = await Promise.all([fetch(`${soak.url}mission-graph/41/3.svg`), fetch(`${soak.url}mission-graph/41/3.svg`)]);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await got.text();
      expect(await again.text()).toBe(svg);
      const dir = mkdtempSync(join(tmpdir(), 'nosh-mgraph-'));
      expect((await nosh(['run', '--seed', '41', '--missions', '5', '--graph', dir, '--quiet'])).code).toBe(0);
      // The dashboard's title names the campaign; the rest is the same drawing.
      expect(svg).toContain('seed 41 · mission 3:');
      expect(svg.replaceAll('seed 41 · ', '')).toBe(readFileSync(join(dir, 'mission-0003-resolve.svg'), 'utf8'));
      // A later look is the same drawing (kept).
      expect(await (await fetch(`${soak.url}mission-graph/41/3.svg`)).text()).toBe(svg);

      const unsettled = await fetch(`${soak.url}mission-graph/41/6.svg`);
      expect(unsettled.status).toBe(404);
      expect(await unsettled.text()).toContain('mission 6 of campaign 41 has not settled (it has settled 5)');
      const outside = await fetch(`${soak.url}mission-graph/99/1.svg`);
      expect(outside.status).toBe(404);
      expect(await outside.text()).toContain("seed 99 is not one of this soak's campaigns (40–42)");
      expect((await fetch(`${soak.url}mission-graph/41/0.svg`)).status).toBe(404);
      expect((await fetch(`${soak.url}mission-graph/41/x.svg`)).status).toBe(404);
      // The route is no way out of the served table: a path that climbs is refused before it is read.
      for (const path of ['/mission-graph/41/../../package.json', '/mission-graph/%2e%2e/%2e%2e/package.json', '/mission-graph/41/..%2f3.svg', '/mission-graph/41/3.svg/..']) {
        const res = await rawGet(soak.url, path);
        expect(res.status, path).toBe(403);
        expect(res.body).not.toContain('"name"');
      }
    } finally {
      expect(await soak.stop()).toBe(0);
    }
  });

  it("replays a faulted soak's campaign with its faults: the outcome and threat the soak reported for that mission", async () => {
    const report = mkdtempSync(join(tmpdir(), 'nosh-mgraph-faults-'));
    const soak = await startDashboardSoak(['--campaigns', '3', '--missions', '5', '--workers', '2', '--seed', '40', '--faults', '--report', report]);
    try {
      await soak.final;
      const res = await fetch(`${soak.url}mission-graph/41/3.svg`);
      expect(res.status).toBe(200);
      const svg = await res.text();
      // What the soak itself recorded of campaign 41's mission 3, as it played it with faults.
      const summaries = (JSON.parse(readFileSync(join(report, 'summary.json'), 'utf8')) as { summaries: Array<{ seed: number; series: { points: MissionPoint[] } }> }).summaries;
      const point = summaries.find((s) => s.seed === 41)?.series.points.find((p) => p.mission === 3);
      expect(point).toBeDefined();
      expect(svg).toMatch(new RegExp(`seed 41 · mission 3: \\S+ \\(threat ${point?.threat}\\) · .* · ${point?.outcome} · at resolve`));
      // Replayed only up to mission 3, it is the mission 3 of the whole 5-mission campaign; and the faults
      // change this mission (abandoned under them), so a replay without them would not be it.
      expect(svg).toBe(await playedGraph(41, 5, 3, DEFAULT_FAULT_RATES));
      expect(point?.outcome).toBe('abandoned');
      expect(svg).not.toBe(await playedGraph(41, 5, 3, null));
    } finally {
      expect(await soak.stop()).toBe(0);
    }
  });
});
