import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { loadCartLibrary } from '../src/campaign/cart-files.js';
import type { TraceRecord } from '../src/runtime/trace/record.js';
import type { TraceSink } from '../src/runtime/trace/sink.js';

/**
 * The oracle, from the wire rather than from Mission Control's counter or the
 * tally: a Hot Swap is the slot settling on a cart other than the last one
 * seated (seed 004: the cart actor becomes another cart), whoever asked for it.
 */
class SwapWitness implements TraceSink {
  swaps = 0;
  inserts = 0;
  private last: string | null = null;
  write(r: TraceRecord): void {
    if (r.type !== 'send' || r.to !== 'mission-control') return;
    if (r.kind === 'op/insert-cart') this.inserts++;
    if (r.kind !== 'slot/changed') return;
    const cart = (r.body as { cart: string | null }).cart;
    if (cart === null) return;
    if (this.last !== null && cart !== this.last) this.swaps++;
    this.last = cart;
  }
  close(): void {}
}

describe('hotSwaps counts every Hot Swap', () => {
  it('the swaps a call needs and the operator’s own insert-cart swaps alike', async () => {
    const witness = new SwapWitness();
    const summary = await runCampaign({ seed: 3, missions: 12, placement: 'inline', library: loadCartLibrary(), sinks: [witness] });
    expect(summary.ended).toBe('done');
    expect(witness.inserts).toBeGreaterThan(0);
    expect(witness.swaps).toBeGreaterThan(0);
    expect(summary.hotSwaps).toBe(witness.swaps);
  });
});
