import { readChain } from './model/phase-chain.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 003 §8: a mission restored from its 256-byte phase chain comes back with exactly the goals that
 * were done: the chain reads by its documented layout, its completion bits are the goals the deck says
 * are done, and those are the goals the model knew done at the commit the deck booted from.
 */
export function phaseChain(): Invariant {
  return {
    name: 'phase-chain',
    before(f, w) {
      if (f.kind !== 'ready' || f.mission === null) return null;
      const chain = readChain(Buffer.from(f.mission.chain, 'base64'));
      if (typeof chain === 'string') return `the restored mission's phase chain does not read: ${chain}`;
      const phases = [...new Set(f.mission.goals.map((g) => g.phase))].sort((a, b) => a - b);
      for (const p of phases) {
        const goals = f.mission.goals.filter((g) => g.phase === p);
        const bits = chain.done[p - 1] ?? [];
        const fromBits = bits.map((slot) => goals[slot]?.goal ?? `#${slot}`).sort();
        const reported = goals.filter((g) => g.state === 'done').map((g) => g.goal).sort();
        if (fromBits.join(',') !== reported.join(',')) return `phase ${p}: the chain marks [${fromBits.join(', ')}] done, the deck restored [${reported.join(', ')}]`;
        if ((chain.goalCounts[p - 1] ?? -1) !== goals.length) return `phase ${p}: the chain counts ${chain.goalCounts[p - 1]} goals, the mission has ${goals.length}`;
      }
      const state = w.flash.lastRead?.state;
      const before = state ? w.snapshotOf(state)?.mission : undefined;
      if (before === undefined || before === null) return null;
      const was = before.order.filter((g) => g.state === 'done').map((g) => g.spec.goal).sort();
      const now = f.mission.goals.filter((g) => g.state === 'done').map((g) => g.goal).sort();
      return was.join(',') === now.join(',') ? null : `the deck restored [${now.join(', ')}] done; at the commit it booted from [${was.join(', ')}] were`;
    },
  };
}
