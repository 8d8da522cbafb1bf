import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import type { Runtime } from '../src/runtime/runtime.js';
import type { TraceRecord } from '../src/runtime/trace/record.js';
import type { TraceSink } from '../src/runtime/trace/sink.js';
import { ANSWER_DEADLINE_TICKS } from '../src/campaign/watchdog.js';

/** The longest stall the kernel allows (10 minutes of deck time): far past any answer deadline. */
const WEDGE_TICKS = 18_000;

describe('a wedged campaign is stopped, saying why, in bounded time', () => {
  it('Mission Control stops answering in the middle of a request: the campaign ends "stopped: no answer to …" within two deadlines', async () => {
    let rt: Runtime | null = null;
    let wedgedAt: number | null = null;
    const wedge: TraceSink = {
      write(r: TraceRecord) {
        // The operator's first goal verb: Mission Control goes silent with the request in its mailbox.
        if (wedgedAt === null && rt !== null && r.type === 'send' && r.kind === 'op/verb' && r.to === 'mission-control') {
          wedgedAt = r.tick;
          rt.stall('mission-control', WEDGE_TICKS);
        }
      },
      close() {},
    };
    const s = await runCampaign({ seed: 4, missions: 5, placement: 'inline', checkInvariants: true, sinks: [wedge], onStart: (r) => void (rt = r) });
    expect(wedgedAt).not.toBeNull();
    expect(s.ended).toMatch(/^stopped: no answer to op\/verb /);
    // Looked at once a minute of deck time: stopped within the deadline and one look after it.
    expect(s.ticks).toBeLessThanOrEqual((wedgedAt as unknown as number) + 3 * ANSWER_DEADLINE_TICKS);
    expect(s.ticks).toBeLessThan((wedgedAt as unknown as number) + WEDGE_TICKS);
    expect(s.violations.filter((v) => v.invariant === 'missions-played')).toEqual([]);
  }, 60_000);
});
