import type { Rng } from '../../runtime/rng.js';
import { kw, rec } from './lisp-data.js';
import type { GenContext, Generated } from './types.js';
import { BANK_KIND, CARGO, CIPHERS, CORP_FIRST, CORP_KIND, DISTRICT_NAME, PORT_NAME, UTILITY_KIND, VESSEL_NAME, VESSEL_PREFIX } from './vocabulary.js';

/** The target's name, in the voice of the first contributing affinity that has one. */
export function targetName(rng: Rng, affinities: readonly string[]): string {
  const flavour = affinities.find((a) => a === 'financial' || a === 'maritime' || a === 'urban' || a === 'digital' || a === 'corporate' || a === 'network') ?? 'digital';
  switch (flavour) {
    case 'financial':
      return `${rng.pick(CORP_FIRST)} ${rng.pick(BANK_KIND)}`;
    case 'maritime':
      return rng.chance(0.5) ? `${rng.pick(VESSEL_PREFIX)} ${rng.pick(VESSEL_NAME)}` : `Port ${rng.pick(PORT_NAME)} Salvage`;
    case 'urban':
      return `${rng.pick(DISTRICT_NAME)} ${rng.pick(UTILITY_KIND)}`;
    default:
      return `${rng.pick(CORP_FIRST)} ${rng.pick(CORP_KIND)}`;
  }
}

export function targetNameGenerator(ctx: GenContext): Generated {
  const name = targetName(ctx.rng, ctx.affinities);
  return { summary: name, value: name };
}

/** What is being carried or recovered; rarer cargo at higher threat. */
export function cargoType(ctx: GenContext): Generated {
  const pool = CARGO.slice(0, Math.min(CARGO.length, 3 + ctx.threat));
  const cargo = ctx.rng.pick(pool);
  const units = ctx.rng.range(1, 2 + ctx.threat);
  return { summary: units === 1 ? cargo : `${units}× ${cargo}`, value: rec({ cargo, units }) };
}

/** How the prize is locked: a cipher family and a key length that grow with threat. */
export function encryptionClass(ctx: GenContext): Generated {
  const index = Math.min(CIPHERS.length - 1, ctx.rng.int(Math.min(CIPHERS.length, 2 + ctx.threat)));
  const cipher = CIPHERS[index] as string;
  const bits = 64 * 2 ** Math.min(5, Math.floor(ctx.threat / 2) + ctx.rng.int(2));
  return { summary: `${cipher} (${bits}-bit)`, value: rec({ cipher: kw(cipher), bits }) };
}
