import { lst, rec } from './lisp-data.js';
import type { GenContext, Generated } from './types.js';
import { DISTRICT_NAME, PATROL_UNITS } from './vocabulary.js';

/** NEONGRID's seeds: the city as blocks, substations and patrols. */
export function districtMap(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const width = rng.range(3, 4 + Math.min(3, threat));
  const height = rng.range(3, 4 + Math.min(3, threat));
  const pool = [...DISTRICT_NAME];
  const districts = Array.from({ length: 1 + rng.int(2) }, () => pool.splice(rng.int(pool.length), 1)[0] as string);
  return { summary: `${width}×${height} blocks across ${districts.join(' and ')}`, value: rec({ width, height, districts: lst(districts) }) };
}

export function powerNodes(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const count = 2 + rng.int(2 + threat);
  const loads = Array.from({ length: count }, () => 40 + rng.int(60));
  const hot = loads.filter((l) => l >= 90).length;
  return { summary: `${count} substations${hot > 0 ? `, ${hot} over 90% load` : ''}`, value: lst(loads.map((load, i) => rec({ substation: i + 1, load }))) };
}

export function patrolRoutes(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const loops = 1 + rng.int(1 + threat);
  const sweep = Math.max(10, 90 - threat * 12 - rng.int(15));
  const unit = rng.pick(PATROL_UNITS);
  return { summary: `${loops} ${unit} loop${loops === 1 ? '' : 's'}, ${sweep} s sweep`, value: rec({ loops, 'sweep-seconds': sweep, unit }) };
}
