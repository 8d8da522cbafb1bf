import { envelopeId } from '../envelope.js';
import { FileWriter } from './file-writer.js';
import { type SendRecord, type TraceRecord, trackOf } from './record.js';
import type { TraceSink } from './sink.js';

const PID = 1;
/** Smallest slice we draw, in µs, so zero-length work is still visible and flows can bind to it. */
const MIN_SLICE_US = 0.001;

/** One event of the Chrome Trace Event format, as this writer emits it. */
export interface ChromeEvent {
  name: string;
  ph: string;
  pid: number;
  tid?: number;
  ts?: number;
  dur?: number;
  id?: number;
  cat?: string;
  bp?: string;
  s?: string;
  args?: Record<string, unknown>;
}

/**
 * Chrome Trace Event JSON (opens in ui.perfetto.dev and chrome://tracing):
 * pid = the run, tid = the actor, one slice per handled envelope, and a flow
 * arrow (`s` → `f`) from each send to where the envelope ended up. A send's
 * `s` is written only together with its `f`, so every arrow is whole.
 */
export class ChromeTraceWriter implements TraceSink {
  private readonly file: FileWriter;
  private readonly tids = new Map<string, number>();
  private readonly inFlight = new Map<string, SendRecord>();
  private nextFlow = 1;
  private first = true;

  constructor(
    path: string,
    private readonly runName: string,
    private readonly otherData: () => Record<string, unknown> = () => ({}),
  ) {
    this.file = new FileWriter(path);
    this.file.write('{"traceEvents":[\n');
    this.emit({ name: 'process_name', ph: 'M', pid: PID, args: { name: runName } });
  }

  write(r: TraceRecord): void {
    const tid = this.tid(trackOf(r));
    const ts = r.wall / 1000;
    switch (r.type) {
      case 'send':
        if (r.from.startsWith('$')) this.slice(tid, ts, 0, `send ${r.kind}`, 'kernel', { to: r.to, seq: r.seq });
        this.inFlight.set(envelopeId(r), r);
        return;
      case 'handle':
        this.slice(tid, ts, r.dur, r.kind, 'handle', { from: r.from, seq: r.seq, tick: r.tick });
        this.arrive(r.from, r.seq, tid, ts, r.dur);
        return;
      case 'init':
        this.slice(tid, ts, r.dur, 'init', 'lifecycle', { incarnation: r.incarnation, tick: r.tick });
        return;
      case 'reject':
        this.slice(tid, ts, 0, `reject ${r.kind}`, 'error', { from: r.from, seq: r.seq, field: r.field, error: r.error });
        this.arrive(r.from, r.seq, tid, ts, 0);
        return;
      case 'crash':
        this.slice(tid, ts, 0, crashLabel(r.kind, r.error), 'error', { error: r.error, tick: r.tick });
        if (r.from !== null && r.seq !== null) this.arrive(r.from, r.seq, tid, ts, 0);
        return;
      case 'dead-letter':
        this.slice(tid, ts, 0, `dead-letter ${r.kind}`, 'error', { from: r.from, reason: r.reason });
        this.arrive(r.from, r.seq, tid, ts, 0);
        return;
      case 'supervise':
        return this.instant(tid, ts, `supervise: ${r.decision}`, { delay: r.delay, failures: r.failures, tick: r.tick });
      case 'restart':
        return this.instant(tid, ts, 'restart', { incarnation: r.incarnation, tick: r.tick });
      case 'swap':
        return this.instant(tid, ts, `hot swap ${r.from} → ${r.to}`, { incarnation: r.incarnation, tick: r.tick });
      case 'escalate':
        return this.instant(tid, ts, 'escalate', { parent: r.parent, error: r.error, tick: r.tick });
      case 'spawn':
        return this.instant(tid, ts, 'spawn', { name: r.name, parent: r.parent, tick: r.tick });
      case 'stop':
        return this.instant(tid, ts, 'stop', { reason: r.reason, tick: r.tick });
      case 'mark':
        return this.instant(tid, ts, r.name, { ...(r.args ?? {}), tick: r.tick });
    }
  }

  close(): void {
    const tail = JSON.stringify({ ...this.otherData(), undeliveredAtEnd: this.inFlight.size });
    this.file.write(`\n],"displayTimeUnit":"ms","otherData":${tail}}\n`);
    this.file.close();
  }

  private arrive(from: string, seq: number, tid: number, ts: number, durNs: number): void {
    const key = `${from}#${seq}`;
    const sent = this.inFlight.get(key);
    if (!sent) return;
    this.inFlight.delete(key);
    const id = this.nextFlow++;
    const name = sent.kind;
    this.emit({ name, cat: 'flow', ph: 's', id, pid: PID, tid: this.tid(sent.from), ts: sent.wall / 1000, bp: 'e' });
    // Bind the end inside the receiving slice, not on its edge.
    this.emit({ name, cat: 'flow', ph: 'f', id, pid: PID, tid, ts: ts + Math.max(durNs / 1000, MIN_SLICE_US) / 2, bp: 'e' });
  }

  private slice(tid: number, ts: number, durNs: number, name: string, cat: string, args: Record<string, unknown>): void {
    this.emit({ name, cat, ph: 'X', pid: PID, tid, ts, dur: Math.max(durNs / 1000, MIN_SLICE_US), args });
  }

  private instant(tid: number, ts: number, name: string, args: Record<string, unknown>): void {
    this.emit({ name, cat: 'lifecycle', ph: 'i', s: 't', pid: PID, tid, ts, args });
  }

  private tid(actor: string): number {
    let tid = this.tids.get(actor);
    if (tid === undefined) {
      tid = this.tids.size + 1;
      this.tids.set(actor, tid);
      this.emit({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name: actor } });
      this.emit({ name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: tid } });
    }
    return tid;
  }

  private emit(e: ChromeEvent): void {
    this.file.write(this.first ? JSON.stringify(e) : `,\n${JSON.stringify(e)}`);
    this.first = false;
  }
}

/**
 * What a crash slice is called. A crash with an envelope is that handler's; one
 * without is a kill, a power cut, a host that died, or (only otherwise) `init`:
 * the kernel writes those causes at the head of the error.
 */
export function crashLabel(kind: string | null, error: string): string {
  if (kind !== null) return `crash ${kind}`;
  if (error.startsWith('killed:')) return 'killed';
  if (error.startsWith('power cut:')) return 'power cut';
  if (/^(worker (error|exited)|actor-host worker|host failed)/.test(error)) return 'host died';
  return 'crash init';
}
