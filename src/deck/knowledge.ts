import { MAX_ACCESS_FLAGS, MAX_INTEL, MAX_KNOWLEDGE_DOMAINS, MAX_NAME_BYTES } from './limits.js';
import type { Uds } from './uds.js';

/**
 * Intel and access, the rewards that are never compressed (seed 003 §3.1).
 * Decision: knowledge_index lives in UDS (seed 003 §10 leaves the home open),
 * keyed by affinity domain, so intel earned with one cart informs contracts
 * of the same domain from any cart.
 */
export function addIntel(uds: Uds, domain: string, points: number): Uds {
  if (!Number.isSafeInteger(points) || points < 0) throw new RangeError(`intel points must be a non-negative integer, got ${points}`);
  checkName('intel domain', domain);
  if (points === 0) return uds;
  const index = uds.knowledgeIndex.filter((k) => k.domain !== domain);
  const prev = uds.knowledgeIndex.find((k) => k.domain === domain)?.points ?? 0;
  if (prev === 0 && index.length >= MAX_KNOWLEDGE_DOMAINS) throw new RangeError(`knowledge_index already holds ${MAX_KNOWLEDGE_DOMAINS} domains`);
  index.push({ domain, points: Math.min(MAX_INTEL, prev + points) });
  index.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { ...uds, knowledgeIndex: index };
}

/** Set an access flag (binary: granting it twice changes nothing). */
export function grantAccess(uds: Uds, flag: string): Uds {
  checkName('access flag', flag);
  if (uds.accessFlags.includes(flag)) return uds;
  if (uds.accessFlags.length >= MAX_ACCESS_FLAGS) throw new RangeError(`UDS already holds ${MAX_ACCESS_FLAGS} access flags`);
  return { ...uds, accessFlags: [...uds.accessFlags, flag].sort() };
}

export function intelIn(uds: Uds, domain: string): number {
  return uds.knowledgeIndex.find((k) => k.domain === domain)?.points ?? 0;
}

function checkName(what: string, name: string): void {
  const bytes = new TextEncoder().encode(name).length;
  if (bytes === 0 || bytes > MAX_NAME_BYTES) throw new RangeError(`${what} must be 1..${MAX_NAME_BYTES} bytes, got ${bytes}`);
}
