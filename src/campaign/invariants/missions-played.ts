import type { Invariant } from './invariant.js';

/** A campaign plays the missions asked, as the deck counts runs resolved, unless it stops saying why. */
export function missionsPlayed(): Invariant {
  return {
    name: 'missions-played',
    before(f, w) {
      if (f.kind !== 'done') return null;
      if (f.reason !== 'done') return f.reason.startsWith('stopped: ') ? null : `the campaign ended "${f.reason}" without saying it stopped`;
      const played = w.ledger.runs - (w.baseRuns ?? 0);
      if (f.missions !== w.campaign.missions) return `done after ${f.missions} of the ${w.campaign.missions} missions asked`;
      if (played !== f.missions) return `done after ${f.missions} missions, but the deck resolved ${played} runs`;
      return null;
    },
  };
}
