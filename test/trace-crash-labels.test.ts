import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChromeEvent } from '../src/runtime/trace/chrome-writer.js';
import { Runtime } from '../src/runtime/runtime.js';
import { testCatalog } from './fixtures/catalog.js';

describe('a crash slice in the Chrome trace says what crashed', () => {
  it.each(['inline', 'threads'] as const)('%s: a handler crash is named by its kind, a kill as a kill', async (placement) => {
    const traceFile = join(mkdtempSync(join(tmpdir(), 'nosh-crash-')), 'run.json');
    const rt = new Runtime({ seed: 4, catalog: testCatalog, placement, traceFile });
    try {
      await rt.spawn('crasher');
      rt.send('crasher', 'boom', { why: 'planted' });
      await rt.run(40);
      rt.kill('crasher', 'by the test');
      await rt.run(80);
    } finally {
      await rt.shutdown();
    }
    const doc = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: ChromeEvent[] };
    const crashes = doc.traceEvents.filter((e) => e.cat === 'error').map((e) => e.name);
    expect(crashes).toEqual(['crash boom', 'killed']);
  });
});
