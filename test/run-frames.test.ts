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
      // Cropped to what is drawn: full width, 16 pixels per row shown, far less than the glass's 75 rows.
      expect(png.width).toBe(1024);
      expect(png.height % 16).toBe(0);
      expect(png.height).toBeLessThanOrEqual(40 * 16);
    }
    for (let i = 1; i < images.length; i++) expect(images[i]?.equals(images[i - 1] as Buffer)).toBe(false);
  });

  it('--frames-full keeps the whole 128×75 glass; --frames-full or --frames-max without --frames is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-frames-'));
    const r = await nosh(['run', '--seed', '7', '--missions', '1', '--placement', 'inline', '--frames', dir, '--frames-max', '2', '--frames-full', '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of readdirSync(dir)) {
      const png = PNG.sync.read(readFileSync(join(dir, f)));
      expect([png.width, png.height]).toEqual([1024, 1200]);
    }
    for (const flags of [['--frames-full'], ['--frames-max', '3']]) {
      const bad = await nosh(['run', '--missions', '1', ...flags]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`${flags[0]} shapes what --frames DIR writes`);
    }
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
      const rows = shown[i] as string[];
      const expected = frameToPng(new Frame(rows.flatMap((row) => [...row])), shownRows(rows));
      expect(readFileSync(join(dir, f)).equals(expected), f).toBe(true);
    });
  });
});

/**
 * The rule, restated: every row down to the last drawn one, except the longest run of empty rows
 * among them, which shows as a single empty row.
 */
function shownRows(rows: readonly string[]): number[] {
  const blank = rows.map((r) => r.trim() === '');
  const last = blank.lastIndexOf(false);
  let best = { from: 0, length: 0 };
  for (let from = 0; from <= last; from++) {
    let length = 0;
    while (from + length <= last && blank[from + length]) length++;
    if (length > best.length) best = { from, length };
  }
  const out: number[] = [];
  for (let r = 0; r <= last; r++) if (best.length < 2 || r <= best.from || r >= best.from + best.length) out.push(r);
  return out;
}
