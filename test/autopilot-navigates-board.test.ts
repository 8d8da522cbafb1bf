import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';

describe('the autopilot takes its contracts with the board keys, so the frames show the cursor moving', () => {
  it('presses [CDR] down to its pick, [CAR], then [EVAL]; a frame has the cursor past the first contract, and one shows the briefing before the accept', async () => {
    const keys: string[] = [];
    const frames: string[][] = [];
    const summary = await runCampaign({
      seed: 11,
      missions: 10,
      placement: 'inline',
      // The display's frames as text (no PNG is written): what --frames would draw.
      onStart: (rt) => void rt.send('display', 'display/watch', { to: '$test-frames' }),
      onEnvelope: (e) => {
        if (e.kind === 'display/frame') frames.push((e.body as { rows: string[] }).rows);
      },
      sinks: [
        {
          write: (r) => {
            if (r.type === 'send' && r.kind === 'op/key' && r.from === 'mission-runner') keys.push((r.body as { key: string }).key);
          },
          close() {},
        },
      ],
    });
    expect(summary.ended).toBe('done');
    // Every mission it accepted was taken with [EVAL], after a [CAR]; never with (accept N).
    expect(keys.filter((k) => k === 'eval')).toHaveLength(summary.missions);
    expect(keys.filter((k) => k === 'car')).toHaveLength(summary.missions);
    expect(keys).toContain('cdr');
    const cursorRow = (rows: string[]): number => rows.findIndex((r) => r.startsWith('▸'));
    const boards = frames.filter((rows) => rows[0]?.startsWith('MISSION BOARD'));
    expect(boards.some((rows) => cursorRow(rows) > 1), 'a board frame with the cursor below the first contract').toBe(true);
    expect(frames.some((rows) => rows[0]?.startsWith('BRIEFING'))).toBe(true);
  });
});
