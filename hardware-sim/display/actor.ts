import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { DisplayEvents, DisplayInbox } from './inbox.js';
import { type BusConfig, DEFAULT_BUS, DisplayBus } from './bus.js';
import { type DrawCommand, draw } from './draw.js';
import { Frame } from './frame.js';

type DisplayContext = ActorContext<typeof DisplayInbox>;

const DisplayArgs = v.nullable(v.object({ cyclesPerTick: v.number(), cyclesPerByte: v.number() }));

interface DisplayState {
  readonly back: Frame;
  readonly bus: DisplayBus;
  watchers: string[];
  stepping: boolean;
}

/**
 * The display bus as hardware: software draws into a back buffer and
 * presents frames; the bus moves rows at its bandwidth, one tick at a time,
 * and marks tears and drops on the trace. Completed frames go to watchers.
 */
export default defineActor({
  name: 'display',
  inbox: DisplayInbox,
  args: DisplayArgs,
  init(args): DisplayState {
    const config: BusConfig = args ?? DEFAULT_BUS;
    return { back: new Frame(), bus: new DisplayBus(config), watchers: [], stepping: false };
  },
  receive(state, msg, ctx): DisplayState {
    switch (msg.kind) {
      case 'display/draw':
        draw(state.back, msg.body.commands as DrawCommand[]);
        if (msg.body.present) present(state, ctx);
        return state;
      case 'display/present':
        present(state, ctx);
        return state;
      case 'display/watch':
        if (!state.watchers.includes(msg.body.to)) state.watchers.push(msg.body.to);
        return state;
      case 'display/step': {
        state.stepping = false;
        const report = state.bus.tick();
        if (report.newTear) ctx.mark('display tear', { rowsSent: report.rows, frame: state.bus.frames + 1 });
        if (report.completed && state.watchers.length > 0) {
          const rows = state.bus.shown().rows();
          for (const to of state.watchers) ctx.send(peer(DisplayEvents, to), 'display/frame', { frame: state.bus.frames, rows });
        }
        if (state.bus.busy) schedule(state, ctx);
        return state;
      }
    }
  },
  view: (state) => ({
    frames: state.bus.frames,
    tears: state.bus.tears,
    drops: state.bus.drops,
    bytes: state.bus.bytes,
    glass: state.bus.shown().toText(),
  }),
});

function present(state: DisplayState, ctx: DisplayContext): void {
  if (state.bus.present(state.back)) ctx.mark('display drop', { frame: state.bus.frames + 1 });
  schedule(state, ctx);
}

function schedule(state: DisplayState, ctx: DisplayContext): void {
  if (state.stepping) return;
  state.stepping = true;
  ctx.send(ctx.self, 'display/step', {});
}
