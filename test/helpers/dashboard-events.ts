import { request } from 'node:http';

/** What a test reads of a dashboard snapshot (src/campaign/soak-live.ts restated: only the fields asserted). */
export interface SeenSnapshot {
  readonly missions: number;
  readonly campaigns: { readonly done: number; readonly total: number };
  readonly finished: boolean;
  readonly soakId: string | null;
  readonly workers: ReadonlyArray<{ readonly worker: string; readonly campaigns: number; readonly missions: number }>;
  readonly graph: ReadonlyArray<{ readonly seed: number; readonly status: string; readonly worker: string | null }>;
  readonly final: Record<string, unknown> | null;
}

/** Read a dashboard's SSE stream (`/events`) until its final state: every snapshot, in order. */
export function readSnapshots(url: string): Promise<SeenSnapshot[]> {
  return new Promise((resolve, reject) => {
    const seen: SeenSnapshot[] = [];
    const req = request(`${url}events`, (res) => {
      if (res.headers['content-type'] !== 'text/event-stream') reject(new Error(`/events is ${res.headers['content-type']}, not text/event-stream`));
      let buf = '';
      res.on('data', (d: Buffer) => {
        buf += d.toString();
        for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
          const data = buf.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
          buf = buf.slice(end + 2);
          if (data === undefined) continue;
          const s = JSON.parse(data.slice(6)) as SeenSnapshot;
          seen.push(s);
          if (s.finished) {
            req.destroy();
            resolve(seen);
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
