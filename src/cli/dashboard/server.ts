import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { SoakLive } from '../../campaign/soak-live.js';
import { projectRoot } from '../../runtime/paths.js';
import { UsageError } from '../options.js';
import type { MissionGraphSource } from './mission-graph-route.js';
import { soakGraphSvg } from './soak-graph.js';

/** Loopback only: the dashboard shows replay commands and seeds, and is nobody else's business. */
export const DASHBOARD_HOST = '127.0.0.1';
/** Live updates at most this often: a soak settles hundreds of missions a second, a page needs a few frames. */
const PUSH_EVERY_MS = 150;

const require = createRequire(import.meta.url);
const pageDir = new URL('src/cli/dashboard/page/', projectRoot);

/** Every file the dashboard serves, by URL path: nothing outside this table is ever read. */
export function dashboardFiles(): ReadonlyMap<string, { readonly file: string; readonly type: string }> {
  const page = (name: string): string => fileURLToPath(new URL(name, pageDir));
  return new Map([
    ['/', { file: page('index.html'), type: 'text/html; charset=utf-8' }],
    ['/dashboard.js', { file: page('dashboard.js'), type: 'text/javascript; charset=utf-8' }],
    ['/dashboard.css', { file: page('dashboard.css'), type: 'text/css; charset=utf-8' }],
    ['/uplot.js', { file: require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' }],
    ['/uplot.css', { file: require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css; charset=utf-8' }],
  ]);
}

export interface DashboardOptions {
  /** Answers `/mission-graph/SEED/N.svg`; without it that route is 404 (the soak action wires `settledMissionGraphs`). */
  readonly missionGraph?: MissionGraphSource;
}

export interface Dashboard {
  readonly url: string;
  /** Ends every stream and stops listening. */
  close(): Promise<void>;
}

/**
 * Serve the soak's dashboard on 127.0.0.1:`port` (0: any free port): the page,
 * its scripts, `/state.json`, `/soak-graph.svg`, `/mission-graph/SEED/N.svg` (a settled
 * mission's task graph, replayed on demand) and `/events`, a Server-Sent
 * Events stream of snapshots. Snapshots are built only while a page listens,
 * at most every PUSH_EVERY_MS, and a closed tab is dropped at once.
 */
export async function startDashboard(live: SoakLive, port: number, options: DashboardOptions = {}): Promise<Dashboard> {
  const files = dashboardFiles();
  const streams = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | null = null;
  const push = (): void => {
    timer = null;
    if (streams.size === 0) return;
    const data = `event: state\ndata: ${JSON.stringify(live.snapshot())}\n\n`;
    for (const s of streams) s.write(data);
  };
  const unsubscribe = live.subscribe(() => {
    if (streams.size === 0) return;
    if (live.finished) {
      if (timer) clearTimeout(timer);
      push();
    } else timer ??= setTimeout(push, PUSH_EVERY_MS);
  });
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req.url ?? '/');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET');
    if (path === null) return refuse(res, 403, 'refused: the dashboard serves only its own files');
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: state\ndata: ${JSON.stringify(live.snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (path === '/state.json') return send(res, 'application/json', JSON.stringify(live.snapshot()));
    if (path === '/soak-graph.svg') return send(res, 'image/svg+xml', await soakGraphSvg(live.snapshot()));
    const graph = /^\/mission-graph\/(\d{1,15})\/(\d{1,9})\.svg$/.exec(path);
    if (graph && options.missionGraph) {
      const answer = await options.missionGraph(Number(graph[1]), Number(graph[2]));
      return answer.status === 200 ? send(res, 'image/svg+xml', answer.svg) : refuse(res, 404, answer.why);
    }
    const entry = files.get(path);
    if (!entry) return refuse(res, 404, `not found: ${path}`);
    send(res, entry.type, readFileSync(entry.file));
  };
  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => refuse(res, 500, `dashboard: ${(err as Error).message}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UsageError(`--dashboard ${port}: port ${port} on ${DASHBOARD_HOST} is in use; give another, or 0 for any free port.`) : err),
    );
    server.listen(port, DASHBOARD_HOST, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${DASHBOARD_HOST}:${bound}/`,
    close: async () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The request's path, or null when it tries to leave the table (`..`, encoded slashes, NUL). */
function pathOf(url: string): string | null {
  const raw = url.split('?')[0] ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\') || path.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  return path;
}

function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
