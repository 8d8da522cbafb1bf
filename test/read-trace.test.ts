import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrace, runCampaign, traceHashOf } from '../src/index.js';

describe('readTrace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-read-trace-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back every record of a --trace-jsonl file: the records hash to the run’s own trace hash', async () => {
    const file = join(dir, 'run.jsonl');
    const summary = await runCampaign({ seed: 9, missions: 1, placement: 'inline', traceJsonl: file });
    const records = readTrace(file);
    expect(records.filter((r) => r.type === 'send')).toHaveLength(summary.envelopes);
    expect(traceHashOf(records)).toBe(summary.traceHash);
    // One record changed is another run.
    const doctored = records.map((r, i) => (i === 5 ? { ...r, tick: r.tick + 1 } : r));
    expect(traceHashOf(doctored)).not.toBe(summary.traceHash);
  });

  it('names the file and line of what is not a trace record', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ type: 'mark', tick: 0, wall: 0, actor: 'a', name: 'n', args: null })}\n\n`);
    expect(readTrace(file)).toHaveLength(1);
    appendFileSync(file, '{"type":"sned","tick":1}\n');
    expect(() => readTrace(file)).toThrow(`${file}:3: not a trace record`);
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\n')[0] as string}\n{oops\n`);
    expect(() => readTrace(file)).toThrow(`${file}:2: not JSON`);
  });
});
