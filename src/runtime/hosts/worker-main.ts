import { MessageChannel, type MessagePort, parentPort, threadId, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { Subject, merge, mergeAll } from 'rxjs';
import { ActorCell, errorText } from '../cell.js';
import type { Envelope } from '../envelope.js';
import type { AnyActorDef } from '../actor.js';
import type { ActorIdentity, HostOutbound, StepResult, WorkerOutbound } from '../protocol.js';
import { RealtimeClock } from '../realtime-clock.js';
import { wallClockFrom } from '../wall.js';
import { toWire } from '../wire.js';
import { fromPort } from './from-port.js';
import type { ActorInspection } from './host.js';
import { loadActorDef } from './load-actor.js';
import { playRehearsals, rehearsalIdentity } from './rehearse.js';
import { serveCell } from './serve-cell.js';

export interface WorkerBoot {
  readonly control: MessagePort;
  /** Actor modules to import at once, before anyone asks (a standby that already holds the code it will run). */
  readonly preload: readonly string[];
  /** A standby (nobody waiting for it yet): rehearse the preloaded actors before saying it is ready. */
  readonly rehearse: boolean;
}

/** The control plane of one actor's worker, called through comlink. */
export interface WorkerControl {
  /** Resolves once the boot's preload modules are imported (rejects if one fails to load). */
  ready(): Promise<true>;
  /**
   * Become this actor: load its behaviour, take its peers' ports, and start serving its data port
   * (where its `start` may already be waiting). Once per worker.
   */
  boot(identity: ActorIdentity, peers: ReadonlyArray<readonly [string, MessagePort]>): Promise<void>;
  inspect(): ActorInspection;
  connect(peer: string, port: MessagePort): void;
  /** Stop the actor; true when there was one, and then its last effects and a `closed` are on the data port already. */
  shutdown(): boolean;
}

/** Realtime trace records are flushed in batches this big, or this often. */
const FLUSH_RECORDS = 256;
const FLUSH_MS = 20;

/**
 * Entry of `workers/actor-host`: start with the kernel loaded and wait to be
 * told which actor to be (so a pool can start workers ahead of need).
 */
export function runActorHostWorker(): void {
  const data = parentPort;
  if (!data) throw new Error('actor-host must run in a worker thread');
  const { control, preload, rehearse } = workerData as WorkerBoot;
  // Imported while the control port's first message is still on its way: start and preload overlap.
  const loaded = Promise.all(preload.map(async (u) => {
    const def = await loadActorDef(u);
    if (rehearse) await rehearseBoot(def, u);
    return def;
  }));
  loaded.catch(() => undefined);
  let hosted: HostedActor | null = null;
  const booted = (): HostedActor => {
    if (!hosted) throw new Error('this actor-host has not been booted');
    return hosted;
  };
  const api: WorkerControl = {
    ready: async () => {
      await loaded;
      return true;
    },
    boot: async (identity, peers) => {
      if (hosted) throw new Error(`this actor-host already hosts ${hosted.identity.id}`);
      const actor = await hostActor(identity, data);
      for (const [peer, port] of peers) actor.connect(peer, port);
      hosted = actor;
    },
    inspect: () => booted().inspect(),
    connect: (peer, port) => booted().connect(peer, port),
    // Ports stay open so this call's reply gets back; the coordinator terminates the worker next.
    shutdown: () => {
      const had = hosted !== null;
      hosted?.close();
      hosted = null;
      return had;
    },
  };
  Comlink.expose(api, control as unknown as Comlink.Endpoint);
}

/**
 * Warm a standby for the actor it will likely become: boot it once on a throwaway port (the cell,
 * its clock and the port pipeline), then play its declared rehearsals. Nothing leaves the thread.
 */
async function rehearseBoot(def: AnyActorDef, moduleUrl: string): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  try {
    (await hostActor(rehearsalIdentity(def, moduleUrl, 'realtime'), port1)).close();
    playRehearsals(def, moduleUrl);
  } catch {
    // Warm-up only: the real boot reports real problems.
  } finally {
    port1.close();
    port2.close();
  }
}

interface HostedActor {
  readonly identity: ActorIdentity;
  inspect(): ActorInspection;
  connect(peer: string, port: MessagePort): void;
  close(): void;
}

async function hostActor(identity: ActorIdentity, data: MessagePort): Promise<HostedActor> {
  const def = await loadActorDef(identity.moduleUrl);
  const wall = wallClockFrom(BigInt(identity.runStartNs));
  const peers = new Map<string, MessagePort>();
  const peerStreams = new Subject<ReturnType<typeof fromPort>>();
  const clock = new RealtimeClock(wall, identity.clock.tickMs, identity.speed);

  // Realtime sends due now go straight to the peer's port, or to the coordinator when there is none (a `$`
  // address, a new actor). Later ones go to the coordinator, which keeps every timer, so it can tell when
  // nothing is due and jump the clock.
  const sendRealtime = (e: Envelope, after: number): void => {
    (after <= 1 ? (peers.get(e.to) ?? data) : data).postMessage(toWire(e));
  };
  const cell = new ActorCell(def, identity, wall, identity.mode === 'realtime' ? sendRealtime : null);
  const batched = identity.mode === 'realtime' ? batchedPost(data) : null;
  const post = batched ? batched.post : (out: HostOutbound) => postOrExplain(data, out);
  const inbound$ = merge(fromPort(data), peerStreams.pipe(mergeAll()));
  const subscription = serveCell(cell, inbound$, post, clock);
  return {
    identity,
    inspect: () => ({
      id: identity.id,
      actor: identity.actor,
      incarnation: identity.incarnation,
      placement: 'threads',
      threadId,
      handled: cell.handled,
      rejected: cell.rejected,
      crashes: cell.crashes,
      state: cell.view(),
    }),
    connect: (peer, port) => {
      peers.get(peer)?.close();
      peers.set(peer, port);
      peerStreams.next(fromPort(port));
    },
    close: () => {
      subscription.unsubscribe();
      cell.dispose();
      // What the actor did in its last moments (a realtime batch not yet due) goes out before it is gone.
      batched?.flush();
      data.postMessage({ t: 'closed' } satisfies WorkerOutbound);
      for (const p of peers.values()) p.close();
    },
  };
}

/**
 * Realtime effects go to the coordinator in batches, except ones it must act
 * on at once (spawns, stops, crashes).
 */
function batchedPost(port: MessagePort): { post: (out: HostOutbound) => void; flush: () => void } {
  let pending: StepResult[] = [];
  let records = 0;
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length > 0) postOrExplain(port, { t: 'effects', result: mergeResults(pending) });
    pending = [];
    records = 0;
  };
  const post = (out: HostOutbound): void => {
    if (out.t !== 'effects') {
      flush();
      postOrExplain(port, out);
      return;
    }
    const result = out.result;
    pending.push(result);
    records += result.records.length;
    const urgent = out.result.crashed !== null || out.result.spawns.length > 0 || out.result.stops.length > 0;
    if (urgent || records >= FLUSH_RECORDS) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  };
  return { post, flush };
}

/**
 * Bodies are checked at send, but a result could still hold something that does not clone: then
 * the step is reported as a crash of this actor, with the reason, instead of killing the worker.
 */
function postOrExplain(port: MessagePort, out: HostOutbound): void {
  try {
    port.postMessage(out);
  } catch (err) {
    const error = `its step result could not cross threads: ${errorText(err)}`;
    if (out.t === 'rejected') port.postMessage({ ...out, error });
    else port.postMessage({ t: out.t, result: { ...out.result, records: [], spawns: [], stops: [], crashed: error } } satisfies HostOutbound);
  }
}

function mergeResults(results: StepResult[]): StepResult {
  const last = results[results.length - 1] as StepResult;
  if (results.length === 1) return last;
  return {
    actor: last.actor,
    tick: last.tick,
    consumed: results.reduce((n, r) => n + r.consumed, 0),
    records: results.flatMap((r) => r.records),
    spawns: results.flatMap((r) => r.spawns),
    stops: results.flatMap((r) => r.stops),
    crashed: last.crashed,
    nextSeq: last.nextSeq,
    elided: {
      send: results.reduce((n, r) => n + (r.elided?.send ?? 0), 0),
      handle: results.reduce((n, r) => n + (r.elided?.handle ?? 0), 0),
    },
  };
}
