import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missionGraphSvg } from '../campaign/report/mission-graph.js';
import { MissionGraphTracker, type MissionGraphView } from '../campaign/report/mission-graph-tracker.js';
import type { Envelope } from '../runtime/envelope.js';

/**
 * `nosh run --graph DIR`: one task-graph SVG per mission when it is accepted and one when it
 * resolves (mission-NNNN-accept.svg, mission-NNNN-resolve.svg), as the tracker tells them.
 */
export class MissionGraphs {
  private readonly tracker = new MissionGraphTracker((view) => this.write(view));
  private readonly writes: Array<Promise<void>> = [];
  written = 0;

  constructor(private readonly dir: string) {}

  envelope(e: Envelope): void {
    this.tracker.envelope(e);
  }

  private write(view: MissionGraphView): void {
    const file = join(this.dir, `mission-${String(view.mission).padStart(4, '0')}-${view.when}.svg`);
    this.writes.push(missionGraphSvg(view.title, view.goals).then((svg) => writeFileSync(file, svg)));
    this.written++;
  }

  /** Every SVG on disk. */
  async done(): Promise<void> {
    await Promise.all(this.writes);
  }
}
