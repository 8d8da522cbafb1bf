/**
 * The flash as the model knows it from the traffic: every commit Mission
 * Control sent, which the chip acknowledged (and under which sequence
 * number), which a power cut interrupted or the chip refused, and the ones
 * still unanswered. What a read may give back follows from that.
 */
export interface CommitModel {
  readonly tag: string | null;
  readonly state: string;
}

/** Commits remembered (pending and acknowledged); a commit older than these is history the checks no longer need. */
const MAX_REMEMBERED = 64;

export class FlashModel {
  /** The newest commit the chip acknowledged. */
  durable: CommitModel | null = null;
  /** A commit a power cut interrupted since: it may have landed whole. */
  interrupted: CommitModel | null = null;
  /** Sent, not yet answered (a crash or a cut may have left it landed or not). */
  readonly pending = new Map<string | null, CommitModel>();
  /** Acknowledged commits by the chip's sequence number (a damaged newer one falls back to these). */
  readonly bySeq = new Map<number, CommitModel>();
  /** The newest commit sent, and whether it failed. */
  lastSent: CommitModel | null = null;
  lastFailed = false;
  /** Power was cut (memory lost) since the newest commit was sent: it may be lost legitimately. */
  cutSince = false;
  /** The last read's answer (what the next boot boots from). */
  lastRead: {
    state: string | null;
    seq: number | null;
    damaged: boolean;
    dropped: readonly number[];
    /** The commit the read had to give back, judged as the chip answered it (a write landing later is not owed). */
    owed: CommitModel | null;
  } | null = null;

  sent(c: CommitModel): void {
    this.pending.set(c.tag, c);
    trim(this.pending);
    this.lastSent = c;
    this.lastFailed = false;
    this.cutSince = false;
  }

  acked(tag: string | null, seq: number): void {
    const c = this.pending.get(tag);
    this.pending.delete(tag);
    if (c === undefined) return;
    this.durable = c;
    this.interrupted = null;
    this.bySeq.set(seq, c);
    trim(this.bySeq);
  }

  lost(tag: string | null): void {
    const c = this.pending.get(tag);
    this.pending.delete(tag);
    if (c !== undefined) this.interrupted = c;
  }

  failed(tag: string | null): void {
    this.pending.delete(tag);
    if (this.lastSent?.tag === tag) this.lastFailed = true;
  }

  /**
   * What a read may give back: the newest acknowledged commit, or one an interruption or a crash left
   * unanswered (it may have landed whole); after damage the chip reported, the acknowledged commit it
   * recovered, if every newer acknowledged one was among the damaged.
   */
  readable(read: { state: string | null; seq: number | null; damaged: boolean; dropped: readonly number[] }): boolean {
    const allowed = [this.durable, this.interrupted, ...this.pending.values()].filter((c): c is CommitModel => c !== null);
    if (allowed.some((c) => c.state === read.state)) return true;
    if (this.durable === null && read.state === null) return true;
    if (!read.damaged) return false;
    // Every acknowledged record the chip still had was reported damaged: nothing to recover, a blank deck.
    if (read.seq === null) return read.state === null && [...this.bySeq.keys()].every((s) => read.dropped.includes(s));
    const recovered = this.bySeq.get(read.seq);
    if (recovered === undefined || recovered.state !== read.state) return false;
    // Every newer acknowledged record must be among those the chip reported damaged. A flipped bit in a
    // record's header can garble the number it reads as, so the count is what must match, not the numbers.
    const newer = [...this.bySeq.keys()].filter((s) => s > (read.seq as number));
    return newer.every((s) => read.dropped.includes(s)) || read.dropped.length >= newer.length;
  }

  /**
   * Whether the newest commit must be what a boot finds: the chip acknowledged it, nothing interrupted,
   * refused or cut it since, and nothing the chip reported damaged (a lost commit is then the deck's
   * fault). One still unanswered may legitimately land after the boot read — a delayed write in flight
   * when Mission Control died — so it is not required.
   */
  newestMustSurvive(read: { damaged: boolean }): boolean {
    if (this.lastSent === null || this.pending.has(this.lastSent.tag)) return false;
    return !this.cutSince && !this.lastFailed && this.interrupted?.tag !== this.lastSent.tag && !read.damaged;
  }

  /**
   * After the operator switched the deck off, the newest commit must be what it boots from whatever
   * the chip refused before: a power-off waits until the state is on flash. Only a cut since, or
   * damage the chip reported, excuses a loss.
   */
  savedForPowerOff(read: { damaged: boolean }): boolean {
    return this.lastSent !== null && !this.cutSince && !read.damaged;
  }

  /** After a read answered from an older commit, that commit is the chip's newest: later ones are gone. */
  settleOn(state: string | null): void {
    const c = [this.durable, ...this.bySeq.values(), ...this.pending.values()].find((x) => x !== null && x.state === state) ?? null;
    this.durable = c;
    this.interrupted = null;
    this.pending.clear();
  }
}

function trim<K, V>(m: Map<K, V>): void {
  while (m.size > MAX_REMEMBERED) m.delete(m.keys().next().value as K);
}
