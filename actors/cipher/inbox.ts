import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';
import { EVENTS } from './lines.js';

/** A line stays on CIPHER-LINE this long (3 s of deck time at 30 Hz) before the next may take its place. */
export const HOLD_TICKS = 90;
/** Lines waiting behind the one on screen; past this the least important are dropped. */
export const MAX_QUEUE = 6;

const AFFECTS = ['terse', 'drift', 'annotate', 'anomalous', 'result-success', 'result-failure'] as const;

export const CipherInbox = defineInbox({
  'cipher/event': v.object({
    event: v.picklist(EVENTS),
    affect: v.optional(v.picklist(AFFECTS)),
    detail: v.optional(v.record(v.string(), v.unknown()), {}),
  }),
  'cipher/watch': v.object({ to: v.string() }),
  /** Draw each line on this display's CIPHER-LINE row (its last). */
  'cipher/display': v.object({ to: v.string() }),
  /** CIPHER's own pacing: the line on screen has had its time. */
  'cipher/next': v.object({ shown: v.number() }),
});

/** What CIPHER's watchers hear: one line, with the affect it was said in. */
export const CipherEvents = defineInbox({
  'cipher/line': v.object({ text: v.string(), affect: v.picklist(AFFECTS), event: v.picklist(EVENTS), shown: v.number() }),
});
export type CipherLine = v.InferOutput<(typeof CipherEvents)['cipher/line']>;
