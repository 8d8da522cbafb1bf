import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Frame } from '../hardware-sim/display/frame.js';
import { frameToPng } from '../hardware-sim/display/png-snapshot.js';
import { runCampaign } from '../src/campaign/campaign.js';
import { lastJson, nosh } from './helpers/cli.js';

describe('nosh run --frames DIR', () => {
  it('writes a PNG per screen change, up to --frames-max', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-frames-'));
    const r = await nosh(['run', '--seed', '7', '--missions', '2', '--placement', 'inline', '--frames', dir, '--frames-max', '6', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ frames: 6 });
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(6);
    const images = files.map((f) => readFileSync(join(dir, f)));
    for (const bytes of images) {
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([1024, 1200]);
    }
    for (let i = 1; i < images.length; i++) expect(images[i]?.equals(images[i - 1] as Buffer)).toBe(false);
  });

  it('each PNG is the frame the display bus completed: the board, the briefing, then the objective panel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-frames-'));
    const shown: string[][] = [];
    await runCampaign({
      seed: 7,
      missions: 1,
      placement: 'inline',
      // Enough for the board's cursor moves ([CDR] down to the autopilot's pick, issue 17) before the briefing.
      frames: { dir, max: 12 },
      onEnvelope: (e) => {
        if (e.kind !== 'display/frame') return;
        const rows = (e.body as { rows: string[] }).rows;
        if (shown.at(-1)?.join('\n') !== rows.join('\n')) shown.push(rows);
      },
    });
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(Math.min(12, shown.length));
    // The board at boot (again once a cart is seated, and as the cursor moves), then the briefing ([CAR], then accepted), then its objective panel.
    const screens = shown.slice(0, files.length).map((rows) => (rows[0] as string).trim());
    const briefing = screens.findIndex((s) => /^BRIEFING C-[0-9A-F]{4} · /.test(s));
    expect(briefing).toBeGreaterThan(0);
    for (const s of screens.slice(0, briefing)) expect(s).toMatch(/^MISSION BOARD · \d contracts/);
    // The briefing [CAR] drew stays up through the accept (CIPHER's line under it changes), then the panel.
    const panel = screens.findIndex((s, i) => i > briefing && !s.startsWith('BRIEFING'));
    expect(screens[panel]).toMatch(/ · threat \d · seed \d+ · phase 1\/\d+ · running$/);
    files.forEach((f, i) => {
      const expected = frameToPng(new Frame((shown[i] as string[]).flatMap((row) => [...row])));
      expect(readFileSync(join(dir, f)).equals(expected), f).toBe(true);
    });
  });
});
