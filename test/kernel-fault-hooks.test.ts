import { describe, expect, it } from 'vitest';
import { demoCatalog } from './fixtures/catalog.js';
import type { Placement } from '../src/runtime/coordinator.js';
import { Runtime } from '../src/runtime/runtime.js';
import type { TraceRecord } from '../src/runtime/trace/record.js';
import type { TraceSink } from '../src/runtime/trace/sink.js';

type Hook = (rt: Runtime, r: TraceRecord) => void;

/** A ping-pong rally with one fault hook fired from a sink as the trace goes by; every record, and the hash. */
async function rally(placement: Placement, makeHook: () => Hook): Promise<{ records: TraceRecord[]; hash: string | null }> {
  const hook = makeHook();
  const records: TraceRecord[] = [];
  const holder: { rt: Runtime | null } = { rt: null };
  const sink: TraceSink = {
    write(r) {
      records.push(r);
      if (holder.rt) hook(holder.rt, r);
    },
    close() {},
  };
  const rt = new Runtime({ seed: 3, catalog: demoCatalog, placement, sinks: [sink] });
  holder.rt = rt;
  try {
    await rt.spawn('pong');
    await rt.spawn('ping', { args: { peer: 'pong', rounds: 12 } });
    await rt.run(200);
    return { records, hash: rt.summary().traceHash };
  } finally {
    await rt.shutdown();
  }
}

/** Fire once, on the first send of `kind` at or after `tick`. */
function onceAt(tick: number, kind: string, fire: (rt: Runtime, r: Extract<TraceRecord, { type: 'send' }>) => void): Hook {
  let fired = false;
  return (rt, r) => {
    if (fired || r.type !== 'send' || r.kind !== kind || r.tick < tick) return;
    fired = true;
    fire(rt, r);
  };
}

const of = <T extends TraceRecord['type']>(records: TraceRecord[], type: T): Extract<TraceRecord, { type: T }>[] => records.filter((r): r is Extract<TraceRecord, { type: T }> => r.type === type);

describe('the kernel\'s fault hooks (lockstep: they replay exactly on both placements)', () => {
  it('crashInHandler: the handler runs, then fails; what it sent is discarded and the actor restarts', async () => {
    const hook = (): Hook => onceAt(8, 'ping', (rt) => rt.crashInHandler('pong', 'injected for the test'));
    const inline = await rally('inline', hook);
    const crash = of(inline.records, 'crash').find((r) => r.actor === 'pong');
    expect(crash).toMatchObject({ kind: 'ping', from: 'ping', error: 'InjectedCrash: injected for the test' });
    // The reply to the envelope it crashed on never went out, so the rally stops there.
    const cause = `ping#${crash?.seq}`;
    expect(of(inline.records, 'send').filter((r) => r.cause === cause)).toEqual([]);
    expect(of(inline.records, 'restart').find((r) => r.actor === 'pong')).toMatchObject({ incarnation: 1 });
    expect((await rally('threads', hook)).hash).toBe(inline.hash);
  });

  it('stall: the actor handles nothing for the stall, then all its waiting mail at once', async () => {
    let stalledAt = -1;
    const hook = (): Hook =>
      onceAt(8, 'ping', (rt, r) => {
        stalledAt = r.tick;
        rt.stall('pong', 30);
      });
    const inline = await rally('inline', hook);
    const handled = of(inline.records, 'handle').filter((r) => r.actor === 'pong').map((r) => r.tick);
    expect(handled.filter((t) => t > stalledAt && t <= stalledAt + 30)).toEqual([]);
    expect(handled.some((t) => t === stalledAt + 31)).toBe(true);
    // Nothing lost: all twelve rounds are played, later.
    expect(handled).toHaveLength(12);
    expect((await rally('threads', hook)).hash).toBe(inline.hash);
  });

  it('delay: one envelope arrives that many ticks after it was due', async () => {
    let delayed: Extract<TraceRecord, { type: 'send' }> | null = null;
    const hook = (): Hook =>
      onceAt(8, 'ping', (rt, r) => {
        delayed = r;
        rt.delay(r.from, r.seq, 7);
      });
    const inline = await rally('inline', hook);
    const d = delayed as unknown as Extract<TraceRecord, { type: 'send' }>;
    const handled = of(inline.records, 'handle').find((r) => r.actor === 'pong' && r.seq === d.seq);
    expect(handled?.tick).toBe(d.due + 7);
    expect(of(inline.records, 'mark').find((r) => r.name === 'delayed')).toMatchObject({ args: { from: 'ping', seq: d.seq, ticks: 7 } });
    expect((await rally('threads', hook)).hash).toBe(inline.hash);
  });

  it('powerCut: the actor loses its memory and its mail, and boots fresh without a supervision charge', async () => {
    const hook = (): Hook => onceAt(8, 'ping', (rt) => rt.powerCut(['pong'], 'brown-out in the test', 5));
    const inline = await rally('inline', hook);
    const cut = of(inline.records, 'crash').find((r) => r.actor === 'pong');
    expect(cut?.error).toBe('power cut: brown-out in the test');
    // The ping in flight to it was lost with its RAM.
    expect(of(inline.records, 'dead-letter').filter((r) => r.to === 'pong')).toHaveLength(1);
    expect(of(inline.records, 'supervise').find((r) => r.actor === 'pong')).toMatchObject({ decision: 'restart', delay: 5, failures: 0 });
    const restart = of(inline.records, 'restart').find((r) => r.actor === 'pong');
    expect(restart).toMatchObject({ incarnation: 1, tick: (cut?.tick ?? 0) + 5 });
    expect((await rally('threads', hook)).hash).toBe(inline.hash);
  });

  it('are refused in realtime, where there is no canonical order to replay', async () => {
    const rt = new Runtime({ seed: 3, catalog: demoCatalog, placement: 'inline', clock: 'realtime' });
    try {
      expect(() => rt.stall('pong', 3)).toThrow(/lockstep fault hook/);
    } finally {
      await rt.shutdown();
    }
  });
});
