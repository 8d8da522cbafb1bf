import type { GoalFact } from '../../../actors/mission-control/facts.js';
import type { DeckEvent } from '../../../actors/mission-control/messages.js';
import type { Envelope } from '../../runtime/envelope.js';
import type { GraphGoal } from './mission-graph.js';

/** One mission's task graph at one moment: what `missionGraphSvg` draws. */
export interface MissionGraphView {
  /** 1-based: the deck's own count of runs resolved in this campaign (as the soak's series numbers them). */
  readonly mission: number;
  readonly when: 'accept' | 'resolve';
  readonly title: string;
  readonly goals: readonly GraphGoal[];
}

/**
 * Follows a deck's events and tells each mission's graph when it is accepted (the instance as
 * drawn: `accepted`'s goal facts) and when it resolves (the same goals, moved by every `goal`,
 * `revealed` and `escalation` event since). Only deck events are read: nothing in the deck
 * changes for it. `nosh run --graph` writes these; the dashboard draws one settled mission.
 *
 * Missions are numbered by the deck's run count, not by counting acceptances: a power cut can
 * lose an acceptance (the deck accepts again) or a settlement (the deck plays it again from its
 * phase chain), and either is still the same mission, told again.
 */
export class MissionGraphTracker {
  /** The deck's runs when the campaign first booted (a deck resumed from flash has some). */
  private base: number | null = null;
  private runs = 0;
  private mission = 0;
  /** `schema (threat T) · contract`, and the outcome once settled. */
  private head = '';
  private outcome: string | null = null;
  private goals = new Map<string, GraphGoal>();

  constructor(private readonly onView: (view: MissionGraphView) => void) {}

  envelope(e: Envelope): void {
    if (e.kind !== 'deck/event') return;
    const ev = e.body as DeckEvent;
    const move = (name: string, change: Partial<GraphGoal>): void => {
      const g = this.goals.get(name);
      if (g) this.goals.set(name, { ...g, ...change });
    };
    switch (ev.type) {
      case 'ready':
        this.base ??= ev.figures.runs;
        this.runs = ev.figures.runs;
        // Booted in the middle of a mission: its goals are what the phase chain gave back.
        if (ev.mission !== null) {
          if (this.head === '') this.head = `${ev.mission.schema} · ${ev.mission.contract}`;
          this.goals = goalsOf(ev.mission.goals, this.goals);
        }
        return;
      case 'accepted':
        this.mission = this.runs - (this.base ?? 0) + 1;
        this.head = `${ev.schema} (threat ${ev.threat}) · ${ev.contract}`;
        this.outcome = null;
        this.goals = goalsOf(ev.goals, new Map());
        return this.tell('accept');
      case 'goal':
        return move(ev.goal, { state: ev.to as GraphGoal['state'] });
      case 'revealed':
        return move(ev.goal, { briefed: true });
      case 'escalation': {
        const g = this.goals.get(ev.goal);
        if (g?.escalation) move(ev.goal, { escalation: { ...g.escalation, fired: true }, briefed: true });
        return;
      }
      case 'settled':
        this.runs = ev.figures.runs;
        this.mission = this.runs - (this.base ?? 0);
        this.outcome = ev.outcome;
        return this.tell('resolve');
      default:
        return;
    }
  }

  private tell(when: 'accept' | 'resolve'): void {
    const outcome = when === 'resolve' && this.outcome !== null ? ` · ${this.outcome}` : '';
    this.onView({ mission: this.mission, when, title: `mission ${this.mission}: ${this.head}${outcome} · at ${when}`, goals: [...this.goals.values()] });
  }
}

/** Goal facts as drawn; an escalation already seen firing (in `before`) stays fired, since facts do not say. */
function goalsOf(facts: readonly GoalFact[], before: ReadonlyMap<string, GraphGoal>): Map<string, GraphGoal> {
  return new Map(
    facts.map((f) => {
      const fired = before.get(f.goal)?.escalation?.fired ?? false;
      return [f.goal, { ...f, name: f.goal, state: f.state as GraphGoal['state'], rewards: f.rewards as GraphGoal['rewards'], escalation: f.escalation ? { ...f.escalation, fired } : null }];
    }),
  );
}
