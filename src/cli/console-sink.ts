import type { TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/**
 * The readable run log: lifecycle and error records always, every envelope
 * with `--verbose`. Lines go to `out` (stdout, or stderr when `--json` keeps
 * stdout for the summary).
 */
export class ConsoleSink implements TraceSink {
  constructor(
    private readonly out: (line: string) => void,
    private readonly verbose: boolean,
  ) {}

  write(r: TraceRecord): void {
    const line = this.describe(r);
    if (line !== null) this.out(`[t=${String(r.tick).padStart(5)}] ${line}`);
  }

  close(): void {}

  private describe(r: TraceRecord): string | null {
    switch (r.type) {
      case 'spawn':
        return `spawn    ${r.actor} (${r.name}, parent ${r.parent})`;
      case 'crash':
        return `crash    ${r.actor}${r.kind ? ` handling ${r.kind} from ${r.from}` : ''}: ${r.error}`;
      case 'supervise':
        return r.decision === 'restart'
          ? `backoff  ${r.actor}: restart in ${r.delay} ticks (${r.failures} failure${r.failures === 1 ? '' : 's'} in window)`
          : `limit    ${r.actor}: ${r.failures} failures in window, escalating`;
      case 'restart':
        return `restart  ${r.actor} (incarnation ${r.incarnation})`;
      case 'escalate':
        return `escalate ${r.actor} → ${r.parent}`;
      case 'swap':
        return `swap     ${r.actor}: ${r.from} → ${r.to} (incarnation ${r.incarnation})`;
      case 'stop':
        return `stop     ${r.actor}: ${r.reason}`;
      case 'reject':
        return `reject   ${r.actor}: ${r.error}`;
      case 'dead-letter':
        return `dead     ${r.kind} ${r.from} → ${r.to}: ${r.reason}`;
      case 'mark':
        return `mark     ${r.actor}: ${r.name}${r.args ? ` ${JSON.stringify(r.args)}` : ''}`;
      case 'send':
        return this.verbose ? `send     ${r.from} → ${r.to} ${r.kind} #${r.seq} due t=${r.due}` : null;
      case 'handle':
        return this.verbose ? `handle   ${r.actor} ← ${r.from} ${r.kind} #${r.seq}` : null;
      case 'init':
        return this.verbose ? `init     ${r.actor} (incarnation ${r.incarnation})` : null;
    }
  }
}
