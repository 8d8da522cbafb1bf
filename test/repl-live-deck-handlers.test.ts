import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

describe('nosh repl --seed N: telemetry handlers fire as under nosh run --script', () => {
  it('runs on-telemetry and on handlers during a capability call; a verb in a handler is sent without waiting', async () => {
    const input = [
      '(define seen 0)',
      '(on-telemetry (lambda (t) (set! seen (+ seen 1)) (log "telemetry" (get t :event))))',
      "(on :node-entered (lambda (t) (log \"entered\" (get t :node)) (goal-state 'breach)))",
      '(get (load-capability :ice-breaker) :outcome)',
      '(> seen 0)',
    ].join('\n');
    const r = await nosh(['repl', '--seed', '3', '--strict'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('true');
    expect(r.stderr).toMatch(/^telemetry \w/m);
    expect(r.stderr).toMatch(/^entered \w/m);
    expect(r.stderr).not.toMatch(/error: handler/);
  });
});
