import { writeFile } from 'node:fs/promises';
import { missionGraphSvg } from '../campaign/report/mission-graph.js';
import { defineNative } from '../lisp/builtins.js';
import type { Env } from '../lisp/env.js';
import { LispError } from '../lisp/errors.js';
import type { Mission } from '../objectives/mission.js';

/**
 * `(task-graph "FILE.svg")` in `nosh repl --mission` (the designer's sandbox): the mission as it
 * stands now (the goals as set-var!, tick! and the goal verbs moved them) drawn as the same task
 * graph as `nosh run --graph`, written to FILE; returns FILE. Read from the mission's own
 * snapshot, whose goal views are what the graph draws.
 */
export function bindTaskGraph(env: Env, mission: Mission): void {
  defineNative(
    env,
    'task-graph',
    async ([file]) => {
      if (typeof file !== 'string' || file === '') throw new LispError('type', 'task-graph: expected the SVG file to write as a string, e.g. (task-graph "mission.svg")');
      const s = mission.snapshot();
      const title = `${s.schema} · seed ${s.seed} · phase ${s.activePhase} · ${s.status}${s.outcome ? ` (${s.outcome})` : ''}`;
      const svg = await missionGraphSvg(title, s.goals);
      try {
        await writeFile(file, svg);
      } catch (err) {
        throw new LispError('host', `task-graph: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      return file;
    },
    1,
    1,
  );
}
