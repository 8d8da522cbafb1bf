import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckEvent } from '../../actors/mission-control/messages.js';
import { type GraphGoal, missionGraphSvg } from '../campaign/report/mission-graph.js';
import type { Envelope } from '../runtime/envelope.js';

/**
 * `nosh run --graph DIR`: one task-graph SVG per mission when it is accepted
 * (the instance as drawn: `accepted`'s goal facts) and one when it resolves
 * (the same goals, moved by every `goal`, `revealed` and `escalation` event
 * since). Only deck events are read: nothing in the deck changes for it.
 */
export class MissionGraphs {
  private mission = 0;
  private title = '';
  private goals = new Map<string, GraphGoal>();
  private readonly writes: Array<Promise<void>> = [];
  written = 0;

  constructor(private readonly dir: string) {}

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
        this.write('accept');
        return;
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
        this.write('resolve');
        return;
      default:
        return;
    }
  }

  private write(when: 'accept' | 'resolve'): void {
    const file = join(this.dir, `mission-${String(this.mission).padStart(4, '0')}-${when}.svg`);
    const goals = [...this.goals.values()];
    this.writes.push(missionGraphSvg(`${this.title} · at ${when}`, goals).then((svg) => writeFileSync(file, svg)));
    this.written++;
  }

  /** Every SVG on disk. */
  async done(): Promise<void> {
    await Promise.all(this.writes);
  }
}
