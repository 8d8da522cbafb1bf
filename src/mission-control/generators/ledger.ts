import { kw, lst, rec } from './lisp-data.js';
import type { GenContext, Generated } from './types.js';
import { ANOMALIES, CORP_FIRST, SHELL_JURISDICTION, SHELL_SUFFIX } from './vocabulary.js';

/** BLACK LEDGER's seeds: a holding's account tree, the shells around it, and what does not add up. */
export function accountTree(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const subsidiaries = 1 + rng.int(1 + Math.ceil(threat / 2));
  const perSub = Array.from({ length: subsidiaries }, () => 2 + rng.int(2 + threat));
  const accounts = perSub.reduce((a, b) => a + b, 0);
  return {
    summary: `${accounts} accounts under ${subsidiaries} subsidiar${subsidiaries === 1 ? 'y' : 'ies'}`,
    value: rec({ subsidiaries: lst(perSub.map((n, i) => rec({ subsidiary: i + 1, accounts: n }))), accounts }),
  };
}

export function shellCompanies(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const count = 1 + rng.int(1 + threat);
  const shells = Array.from({ length: count }, () => ({ name: `${rng.pick(CORP_FIRST)} ${rng.pick(SHELL_SUFFIX)}`, where: rng.pick(SHELL_JURISDICTION) }));
  const places = [...new Set(shells.map((s) => s.where))];
  return {
    summary: `${count} shell${count === 1 ? '' : 's'} (${places.slice(0, 2).join(', ')}${places.length > 2 ? ` and ${places.length - 2} more` : ''})`,
    value: lst(shells.map((s) => rec({ name: s.name, jurisdiction: s.where }))),
  };
}

export function ledgerAnomalies(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const pool = [...ANOMALIES];
  const count = Math.min(pool.length, 1 + rng.int(1 + Math.ceil(threat / 2)));
  const found = Array.from({ length: count }, () => pool.splice(rng.int(pool.length), 1)[0] as string);
  return {
    summary: `${count} anomal${count === 1 ? 'y' : 'ies'}: ${found.slice(0, 2).join(', ')}${count > 2 ? ` and ${count - 2} more` : ''}`,
    value: lst(found.map((a) => rec({ kind: kw(a.replace(/ /g, '-')), amount: 1000 * (1 + rng.int(50 * threat)) }))),
  };
}
