import * as v from 'valibot';
import { DisplayInbox, type DrawCommand } from '../../hardware-sim/display/inbox.js';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { CipherEvents, CipherInbox, type CipherLine, HOLD_TICKS, MAX_QUEUE } from './inbox.js';
import { type Affect, type CipherEvent, DEFAULT_AFFECT, PRIORITY, fill, fillable, linesFor } from './lines.js';

type CipherContext = ActorContext<typeof CipherInbox>;

/** Wired in at spawn (rather than by `cipher/watch` and `cipher/display`), so a restarted CIPHER still speaks to them. */
const CipherArgs = v.nullish(
  v.object({ watchers: v.optional(v.pipe(v.array(v.string()), v.maxLength(16)), []), display: v.optional(v.nullable(v.string()), null) }),
  { watchers: [], display: null },
);

interface Queued {
  readonly event: CipherEvent;
  readonly affect: Affect;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly order: number;
}

interface CipherState {
  watchers: string[];
  display: string | null;
  queue: Queued[];
  busy: boolean;
  shown: number;
  received: number;
  dropped: number;
  last: string | null;
}

/**
 * The deck's voice. Events become one CIPHER-LINE each, in an affect, with
 * seeded variety (never the same line twice running); one line at a time,
 * each held for a few seconds, the most important waiting first.
 */
export default defineActor({
  name: 'cipher',
  inbox: CipherInbox,
  args: CipherArgs,
  init: (args): CipherState => ({ watchers: [...args.watchers], display: args.display, queue: [], busy: false, shown: 0, received: 0, dropped: 0, last: null }),
  receive(state, msg, ctx): CipherState {
    switch (msg.kind) {
      case 'cipher/watch':
        if (!state.watchers.includes(msg.body.to)) state.watchers.push(msg.body.to);
        return state;
      case 'cipher/display':
        state.display = msg.body.to;
        return state;
      case 'cipher/event':
        state.received++;
        // A new mission: what was still waiting to be said of the last one would be heard in this one.
        if (msg.body.event === 'mission-start') dropBacklog(state);
        enqueue(state, { event: msg.body.event, affect: msg.body.affect ?? DEFAULT_AFFECT[msg.body.event], detail: msg.body.detail, order: state.received });
        if (!state.busy) speak(state, ctx);
        return state;
      case 'cipher/next':
        if (msg.body.shown !== state.shown) return state;
        state.busy = false;
        if (state.queue.length > 0) speak(state, ctx);
        return state;
    }
  },
  view: (s) => ({ shown: s.shown, received: s.received, dropped: s.dropped, queued: s.queue.length, last: s.last }),
});

/** Insert by priority, behind every line of the same or higher (orders only rise, so this is the sort's order). */
function enqueue(state: CipherState, q: Queued): void {
  const p = PRIORITY[q.event];
  let i = state.queue.length;
  while (i > 0 && PRIORITY[(state.queue[i - 1] as Queued).event] < p) i--;
  state.queue.splice(i, 0, q);
  while (state.queue.length > MAX_QUEUE) {
    state.queue.pop();
    state.dropped++;
  }
}

/** Lines waiting behind the one on screen are let go (counted as dropped); the one on screen finishes. */
function dropBacklog(state: CipherState): void {
  state.dropped += state.queue.length;
  state.queue = [];
}

function speak(state: CipherState, ctx: CipherContext): void {
  const next = state.queue.shift();
  if (!next) return;
  // Prefer lines whose every slot the event can fill; a `?` in CIPHER's mouth is a bug, not a style.
  const templates = linesFor(next.event, next.affect);
  const full = templates.filter((t) => fillable(t, next.detail));
  const choices = (full.length > 0 ? full : templates).map((t) => fill(t, next.detail));
  const fresh = choices.filter((t) => t !== state.last);
  const text = ctx.rng.pick(fresh.length > 0 ? fresh : choices);
  state.last = text;
  state.shown++;
  state.busy = true;
  const line: CipherLine = { text, affect: next.affect, event: next.event, shown: state.shown };
  for (const to of state.watchers) ctx.send(peer(CipherEvents, to), 'cipher/line', line);
  if (state.display) ctx.send(peer(DisplayInbox, state.display), 'display/draw', { commands: cipherRow(text), present: true });
  ctx.send(ctx.self, 'cipher/next', { shown: state.shown }, { after: HOLD_TICKS });
}

/** The display's last row, CIPHER-LINE: the line as CIPHER says it. */
export const CIPHER_ROW = 74;

function cipherRow(text: string): DrawCommand[] {
  return [
    { op: 'clear', from: CIPHER_ROW, to: CIPHER_ROW },
    { op: 'text', row: CIPHER_ROW, col: 0, text: `CIPHER> ${text}`.slice(0, 128) },
  ];
}
