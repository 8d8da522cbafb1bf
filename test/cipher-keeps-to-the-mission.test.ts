import { afterEach, describe, expect, it } from 'vitest';
import { deckCatalog } from '../actors/catalog.js';
import { HOLD_TICKS } from '../actors/cipher/inbox.js';
import type { CipherLine } from '../actors/cipher/inbox.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';

describe('CIPHER keeps to the mission at hand', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('a new mission lets go of the lines still waiting from the last one; the line on screen finishes', async () => {
    rt = new Runtime({ seed: 4, catalog: deckCatalog, placement: 'inline' });
    await rt.spawn('cipher');
    const lines: Array<Envelope<string, CipherLine>> = [];
    rt.external$.subscribe((e) => lines.push(e as Envelope<string, CipherLine>));
    rt.send('cipher', 'cipher/watch', { to: '$line' });
    // Mission 1 ends with more to say than fits before mission 2 starts (a line is held HOLD_TICKS).
    rt.send('cipher', 'cipher/event', { event: 'mission-end', detail: { target: 'Glass Payroll' } }, { after: 2 });
    for (const goal of ['breach', 'exfil', 'corrupt']) rt.send('cipher', 'cipher/event', { event: 'goal-done', detail: { goal } }, { after: 3 });
    rt.send('cipher', 'cipher/event', { event: 'reward', detail: { amount: 300 } }, { after: 3 });
    rt.send('cipher', 'cipher/event', { event: 'mission-start', detail: { target: 'Sakai Zaibatsu', threat: 3 } }, { after: HOLD_TICKS + 10 });
    await rt.run(10 * HOLD_TICKS);

    expect(lines.map((l) => l.body.event)).toEqual(['mission-end', 'goal-done', 'mission-start']);
    const view = (await rt.inspect('cipher')).state as { dropped: number; received: number };
    expect(view).toMatchObject({ received: 6, dropped: 3 });
  });
});
