import type { DeckEvent } from '../../../actors/mission-control/messages.js';
import type { Envelope } from '../../runtime/envelope.js';
import type { GraphGoal } from './mission-graph.js';

/** One mission's task graph at one moment: what `missionGraphSvg` draws. */
export interface MissionGraphView {
  /** 1-based, in the order the deck accepted them. */
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
 */
export class MissionGraphTracker {
  private mission = 0;
  private title = '';
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
      case 'accepted':
        this.mission++;
        this.title = `mission ${this.mission}: ${ev.schema} (threat ${ev.threat}) · ${ev.contract}`;
        this.goals = new Map(ev.goals.map((f) => [f.goal, { ...f, name: f.goal, state: f.state as GraphGoal['state'], rewards: f.rewards as GraphGoal['rewards'], escalation: f.escalation ? { ...f.escalation, fired: false } : null }]));
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
        this.title = `${this.title} · ${ev.outcome}`;
        return this.tell('resolve');
      default:
        return;
    }
  }

  private tell(when: 'accept' | 'resolve'): void {
    this.onView({ mission: this.mission, when, title: `${this.title} · at ${when}`, goals: [...this.goals.values()] });
  }
}
