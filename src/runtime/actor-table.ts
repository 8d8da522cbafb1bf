import TinyQueue from 'tinyqueue';
import type { AnyActorDef } from './actor.js';
import { type Envelope, compareEnvelopes } from './envelope.js';
import type { ActorHost } from './hosts/host.js';
import type { SupervisionPolicy } from './supervisor.js';

/** Bounds (TIGER_STYLE): a run past these is a bug, not a workload. */
export const MAX_ACTORS = 512;
export const MAX_MAILBOX = 100_000;

export type SlotStatus = 'running' | 'down';

/** The coordinator's record of one live actor: its host, mailbox and supervision history. */
export interface Slot {
  readonly id: string;
  /** The behaviour: changes on a Hot Swap. */
  actor: string;
  def: AnyActorDef;
  moduleUrl: string;
  args: unknown;
  readonly parent: string;
  policy: SupervisionPolicy;
  readonly children: Set<string>;
  readonly mailbox: TinyQueue<Envelope>;
  /** Unvalidated things injected by a test hook, handed over first at the next step. */
  raw: unknown[];
  host: ActorHost | null;
  status: SlotStatus;
  incarnation: number;
  nextSeq: number;
  /** Ticks of recent failures (the supervision window). */
  failures: number[];
  restartAt: number | null;
}

export function newMailbox(): TinyQueue<Envelope> {
  return new TinyQueue<Envelope>([], compareEnvelopes);
}

/** Live actors by id, plus the ids of stopped ones (so dead letters can say why). */
export class ActorTable {
  private readonly slots = new Map<string, Slot>();
  private sorted: Slot[] | null = null;
  readonly stopped = new Set<string>();

  get size(): number {
    return this.slots.size;
  }

  get(id: string): Slot | undefined {
    return this.slots.get(id);
  }

  add(slot: Slot): void {
    if (this.slots.has(slot.id)) throw new Error(`an actor with id '${slot.id}' is already running`);
    if (this.slots.size >= MAX_ACTORS) throw new Error(`cannot spawn '${slot.id}': the runtime already holds ${MAX_ACTORS} actors`);
    this.slots.set(slot.id, slot);
    this.stopped.delete(slot.id);
    this.sorted = null;
  }

  remove(id: string): void {
    if (this.slots.delete(id)) {
      this.stopped.add(id);
      this.sorted = null;
    }
  }

  /** Every slot in id order: the canonical order in which the coordinator looks at actors. */
  inOrder(): readonly Slot[] {
    this.sorted ??= [...this.slots.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.sorted;
  }
}
