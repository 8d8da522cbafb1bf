import { afterEach, describe, expect, it } from 'vitest';
import { deckCatalog } from '../actors/catalog.js';
import { HOLD_TICKS } from '../actors/cipher/inbox.js';
import type { CipherLine } from '../actors/cipher/inbox.js';
import { MAX_LINE } from '../actors/cipher/lines.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';

describe('CIPHER', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  async function cipher(seed: number): Promise<{ rt: Runtime; lines: Array<Envelope<string, CipherLine>> }> {
    const runtime = new Runtime({ seed, catalog: deckCatalog, placement: 'inline' });
    await runtime.spawn('cipher');
    const lines: Array<Envelope<string, CipherLine>> = [];
    runtime.external$.subscribe((e) => lines.push(e as Envelope<string, CipherLine>));
    runtime.send('cipher', 'cipher/watch', { to: '$line' });
    return { rt: runtime, lines };
  }

  it('speaks one terse lowercase line at a time, most important first, each held a few seconds', async () => {
    const c = await cipher(1);
    rt = c.rt;
    rt.send('cipher', 'cipher/event', { event: 'board-refresh' }, { after: 2 });
    rt.send('cipher', 'cipher/event', { event: 'contract-near-expiry', detail: { target: 'Glass Payroll' } }, { after: 3 });
    rt.send('cipher', 'cipher/event', { event: 'mission-end', affect: 'result-failure', detail: { target: 'Glass Payroll' } }, { after: 3 });
    await rt.run(400);
    expect(c.lines.map((l) => l.body.event)).toEqual(['board-refresh', 'mission-end', 'contract-near-expiry']);
    const ticks = c.lines.map((l) => l.tick);
    expect((ticks[1] ?? 0) - (ticks[0] ?? 0)).toBe(HOLD_TICKS);
    for (const l of c.lines) {
      expect(l.body.text).toBe(l.body.text.toLowerCase());
      expect(l.body.text.length).toBeLessThanOrEqual(MAX_LINE);
      expect(l.body.text).not.toContain('{');
    }
    expect(c.lines[1]?.body.affect).toBe('result-failure');
  });

  it('an opportunity is announced with the anomalous affect; lines vary with the seed and never repeat back to back', async () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = await cipher(seed);
      for (let i = 0; i < 6; i++) c.rt.send('cipher', 'cipher/event', { event: 'opportunity-detected', detail: { target: 'x' } }, { after: 1 + i * HOLD_TICKS });
      await c.rt.run(7 * HOLD_TICKS);
      await c.rt.shutdown();
      expect(c.lines.every((l) => l.body.affect === 'anomalous')).toBe(true);
      for (let i = 1; i < c.lines.length; i++) expect(c.lines[i]?.body.text).not.toBe(c.lines[i - 1]?.body.text);
      c.lines.forEach((l) => seen.add(l.body.text));
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('drops the least important lines when too many wait', async () => {
    const c = await cipher(2);
    rt = c.rt;
    for (let i = 0; i < 12; i++) rt.send('cipher', 'cipher/event', { event: i === 11 ? 'hunter-spawn' : 'board-refresh' });
    await rt.run(10 * HOLD_TICKS);
    expect(((await rt.inspect('cipher')).state as { dropped: number }).dropped).toBe(5);
    expect(c.lines[1]?.body.event).toBe('hunter-spawn');
  });
});
