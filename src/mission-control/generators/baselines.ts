import { rec } from './lisp-data.js';
import type { GenContext, Generated } from './types.js';
import { CONTACT_KINDS, DISTRICT_NAME, HOST_KINDS } from './vocabulary.js';

/** The System baselines' seeds: small, single-phase worlds (seed 004 §3.2.2). */
export function terminalHost(ctx: GenContext): Generated {
  const host = ctx.rng.pick(HOST_KINDS);
  const ports = 1 + ctx.rng.int(2 + ctx.threat);
  return { summary: `${host}, ${ports} open port${ports === 1 ? '' : 's'}`, value: rec({ host, ports }) };
}

export function gridSector(ctx: GenContext): Generated {
  const sector = ctx.rng.pick(DISTRICT_NAME);
  const meters = 4 + ctx.rng.int(12);
  return { summary: `${meters} meters in ${sector}`, value: rec({ sector, meters }) };
}

export function ledgerSample(ctx: GenContext): Generated {
  const entries = 40 + 20 * ctx.rng.int(8);
  const suspect = 1 + ctx.rng.int(3 + ctx.threat);
  return { summary: `${entries} entries, ${suspect} suspect`, value: rec({ entries, suspect }) };
}

export function sonarContact(ctx: GenContext): Generated {
  const kind = ctx.rng.pick(CONTACT_KINDS);
  const bearing = ctx.rng.int(360);
  return { summary: `${kind} at bearing ${String(bearing).padStart(3, '0')}`, value: rec({ contact: kind, bearing }) };
}
