/**
 * Freeze a value and everything it holds. For data kept and shared between
 * campaigns (parsed cart content, read predicate forms): nobody may change it,
 * and a change throws where it is tried instead of leaking into another campaign.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
