import { contractLabel } from '../../mission-control/format.js';
import type { Invariant } from './invariant.js';

/** Opportunity keys remembered as spent; past this the oldest are forgotten (a campaign meets far fewer). */
const MAX_GONE = 4096;

/** Seed 004 §3.4: an Opportunity contract, once gone from the board (taken or expired), never comes back on the same seed. */
export function opportunityOnce(): Invariant {
  let onBoard = new Set<number>();
  const gone = new Set<number>();
  return {
    name: 'opportunity-once',
    check(f) {
      if (f.kind !== 'commit' || f.uds === null) return null;
      const keys = new Set(f.uds.board.filter((e) => e.opportunityKey !== 0).map((e) => e.opportunityKey));
      const back = f.uds.board.find((e) => e.opportunityKey !== 0 && gone.has(e.opportunityKey));
      for (const k of onBoard) {
        if (!keys.has(k)) {
          gone.add(k);
          if (gone.size > MAX_GONE) gone.delete(gone.values().next().value as number);
        }
      }
      onBoard = keys;
      return back ? `${contractLabel(back.id)} (:${back.schema}) spends opportunity ${back.opportunityKey}, which already left the board` : null;
    },
  };
}
