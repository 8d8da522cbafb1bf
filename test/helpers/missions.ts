import type { Uds } from '../../src/deck/uds.js';
import type { MissionEvent } from '../../src/objectives/events.js';
import { type MissionStruct, acceptContract, applyMissionEvents } from '../../src/mission-control/missions.js';
import type { DeckContext } from '../../src/mission-control/inputs.js';
import type { CipherEvent } from '../../src/mission-control/events.js';
import { boardFor } from './mission-control.js';

/** The first seeded deck (ICE BREAKER in the slot unless told otherwise) whose board carries `schema`, accepted. */
export function acceptSchema(schema: string, setup: Parameters<typeof boardFor>[0] = { seed: 0, inserted: 'ice-breaker' }): { uds: Uds; ctx: DeckContext; struct: MissionStruct; before: Uds; events: CipherEvent[] } {
  for (let seed = 1; seed < 5000; seed++) {
    const { uds, ctx } = boardFor({ ...setup, seed });
    const index = uds.board.findIndex((e) => e.schema === schema && e.category !== 'opportunity');
    if (index < 0) continue;
    const events: CipherEvent[] = [];
    const accepted = acceptContract(uds, index, ctx, events);
    return { ...accepted, ctx, before: uds, events };
  }
  throw new Error(`no board within 5000 seeds carries ${schema}`);
}

/** Play the run as the operator would: choose the first fork, complete every open top-level primary, phase by phase. */
export function completePrimaries(uds: Uds, struct: MissionStruct): Uds {
  let state = uds;
  for (let step = 0; step < 64 && !struct.graph.isReady; step++) {
    const open = struct.graph.snapshot().goals.find((g) => g.state === 'open' && g.role === 'primary' && g.parent === null && g.hold === null);
    if (open === undefined) break;
    const events: MissionEvent[] = [];
    if (open.group === 'branch' && !open.children.some((c) => struct.graph.info(c)?.chosen)) {
      const chosen = struct.graph.choose(open.children[0] as string);
      if (chosen.ok) events.push(...chosen.events);
    }
    const done = struct.graph.complete(open.name);
    if (!done.ok) throw new Error(done.error.message);
    events.push(...done.events);
    state = applyMissionEvents(state, struct, events);
  }
  return state;
}
