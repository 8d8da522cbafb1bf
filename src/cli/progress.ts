import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, extra?: Record<string, string | number>): void;
  stop(): void;
}

/**
 * A progress bar on an interactive stderr; nothing otherwise (logs and pipes
 * stay clean). `fields` adds values after the count, each shown as given
 * (`'3 violations'`), updated by name through `update(done, fields)`.
 */
export function progressBar(label: string, total: number, enabled: boolean, fields: Record<string, string | number> = {}): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const extra = Object.keys(fields)
    .map((k) => ` | {${k}}`)
    .join('');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}${extra} | eta {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 200 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, fields);
  return { update: (done, extra) => bar.update(done, extra), stop: () => bar.stop() };
}
