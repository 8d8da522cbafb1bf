import * as v from 'valibot';

/**
 * Kinds the kernel itself sends. An actor receives one only if its inbox
 * declares it; a parent that does not declare `sys/child-failed` fails in
 * turn when a child escalates to it (OTP-style).
 */
export const SYS_CHILD_FAILED = 'sys/child-failed';

export const ChildFailedBody = v.object({
  child: v.string(),
  actor: v.string(),
  error: v.string(),
  decision: v.picklist(['restart', 'escalate']),
  /** Ticks until the restart; 0 when escalated. */
  delay: v.pipe(v.number(), v.integer()),
});
export type ChildFailed = v.InferOutput<typeof ChildFailedBody>;

/** Sender id of everything the kernel itself sends. */
export const KERNEL = '$kernel';
/** Parent of actors spawned from outside the runtime. */
export const ROOT = '$root';
/** Default sender id for envelopes injected from outside (CLI, tests, benchmarks). */
export const CLIENT = '$client';

/** Addresses starting with `$` belong to the outside world, not to actors. */
export function isExternal(id: string): boolean {
  return id.startsWith('$');
}
