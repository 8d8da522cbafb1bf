import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

const bin = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

/** Run the CLI, keeping when each stdout line arrived (progress must come as the run goes, not at the end). */
function runCli(args: readonly string[]): Promise<{ code: number | null; lines: Array<{ at: number; text: string }> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Array<{ at: number; text: string }> = [];
    const started = Date.now();
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) lines.push({ at: Date.now() - started, text });
    });
    child.on('close', (code) => resolve({ code, lines }));
  });
}

it('the deck plays its missions in realtime on threads, printing as it goes', async () => {
  const { code, lines } = await runCli(['run', '--clock', 'realtime', '--speed', '50', '--placement', 'threads', '--missions', '2', '--seed', '3']);
  const text = lines.map((l) => l.text);
  expect(code, text.join('\n')).toBe(0);
  expect(text[0]).toMatch(/^nosh run · seed 3 · threads · realtime ×50 · 2 missions/);
  expect(text.filter((l) => /^#\d+ (success|failure)/.test(l))).toHaveLength(2);
  expect(text.some((l) => /^summary {2}2 missions/.test(l))).toBe(true);
  // No call aborted for want of a result that was only late to be delivered.
  expect(text.filter((l) => /abort/.test(l))).toEqual([]);
  const first = lines.find((l) => /^#1 accepted/.test(l.text));
  const last = lines[lines.length - 1];
  expect(first && last && first.at < last.at).toBe(true);
}, 120_000);

it('realtime honours `after` on sends the kernel carries, and jumps the idle stretch before them', async () => {
  const trace = new MemorySink();
  const rt = new Runtime({ seed: 4, catalog: testCatalog, placement: 'threads', clock: 'realtime', speed: 1, sinks: [trace] });
  try {
    await rt.spawn('pong');
    const sentAt = rt.tick;
    rt.send('pong', 'ping', { n: 1, nonce: 1 }, { after: 9_000 });
    await rt.run(sentAt + 9_100);
    const handled = trace.of('handle').filter((r) => r.actor === 'pong');
    expect(handled).toHaveLength(1);
    // Five minutes of deck time at the deck's own pace: it got there by jumping, and not a tick early.
    expect(handled[0]?.tick).toBeGreaterThanOrEqual(sentAt + 9_000);
  } finally {
    await rt.shutdown();
  }
}, 60_000);

it('--speed without --clock realtime is a usage error', async () => {
  const { code } = await runCli(['run', '--speed', '5', '--missions', '1']);
  expect(code).toBe(2);
});
