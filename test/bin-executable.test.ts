import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.js';

describe('the built bin', () => {
  it('is executable after a build, so `npx nosh` runs it through its shebang', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    expect(execFileSync(CLI, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
