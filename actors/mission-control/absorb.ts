import { applyMissionEvents } from '../../src/mission-control/missions.js';
import type { MissionEvent } from '../../src/objectives/index.js';
import { say, tell } from './outbox.js';
import { showPanel } from './screens.js';
import type { McState, McContext } from './state.js';

/**
 * What the engine reported: banked rewards paid into UDS (with the phase
 * chain), goal changes, reveals, escalations and phase advances told to the
 * outside (what the soak's checks read) and voiced by CIPHER. `judged`: the
 * tick a hold-ticker verdict was judged at, when the events come from one.
 */
export function absorb(state: McState, events: readonly MissionEvent[], ctx: McContext, judged: number | null = null): void {
  const m = state.mission;
  if (!m || events.length === 0) return;
  state.uds = applyMissionEvents(state.uds, m, events);
  state.dirty = true;
  for (const e of events) {
    switch (e.kind) {
      case 'goal/changed':
        tell(ctx, { type: 'goal', goal: e.goal, from: e.from, to: e.to, cause: e.cause, role: e.role, briefed: e.briefed, judged });
        if (e.to === 'done') say(ctx, 'goal-done', { goal: e.goal });
        if (e.to === 'failed' || e.to === 'forfeit') say(ctx, 'goal-failed', { goal: e.goal });
        break;
      case 'goal/revealed':
        tell(ctx, { type: 'revealed', goal: e.goal, by: e.by, judged });
        say(ctx, 'goal-revealed', { goal: e.goal });
        break;
      case 'escalation/fired':
        tell(ctx, { type: 'escalation', id: e.id, goal: e.goal, judged });
        break;
      case 'phase/advanced':
        tell(ctx, { type: 'phase', from: e.from, to: e.to });
        break;
      case 'reward/banked':
        say(ctx, 'reward', { amount: e.reward.kind === 'access' ? (e.reward.flag ?? 'access') : e.reward.amount, currency: e.reward.kind });
        break;
      default:
        break;
    }
  }
  showPanel(state, ctx);
}
