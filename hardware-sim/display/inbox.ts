import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';
import { DrawCommandSchema } from './draw.js';

/** One command of a `display/draw`, for the senders (they may not import the display's internals). */
export type { DrawCommand } from './draw.js';

/** Bound on commands in one draw message (a full screen of text is ~75). */
const MAX_COMMANDS = 512;

export const DisplayInbox = defineInbox({
  /** Draw into the back buffer; with `present`, hand it to the bus as the next frame. */
  'display/draw': v.object({ commands: v.pipe(v.array(DrawCommandSchema), v.maxLength(MAX_COMMANDS)), present: v.optional(v.boolean()) }),
  'display/present': v.object({}),
  /** Send every completed frame (as text rows) to this address, e.g. `$frames` for `--frames DIR`. */
  'display/watch': v.object({ to: v.string() }),
  /** The bus's own pacing: one per tick while a frame is in flight. */
  'display/step': v.object({}),
});

/** What a display watcher hears: each completed frame, as text rows (`$frames` writes them as PNGs). */
export const DisplayEvents = defineInbox({
  'display/frame': v.object({ frame: v.number(), rows: v.array(v.string()) }),
});
