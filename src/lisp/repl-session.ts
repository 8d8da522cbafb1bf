import type { Env } from './env.js';
import { LispError, ReadError } from './errors.js';
import { evaluate } from './evaluator.js';
import { FormScanner } from './form-scanner.js';
import { MAX_SOURCE_LENGTH, type Limits } from './limits.js';
import type { Pos } from './position.js';
import { print } from './printer.js';
import { END, Reader } from './reader.js';
import { SPECIAL_FORMS } from './special-forms.js';
import type { Value } from './values.js';

export interface ReplSessionOptions {
  /** The operator's environment; later the Mission Runner binds current-mission and friends into it. */
  readonly env: Env;
  /** Everything the REPL shows goes here, one `\n`-terminated line at a time: results, `error:` lines, print output. */
  readonly write: (text: string) => void;
  /** Per-form evaluation limits. */
  readonly limits?: Partial<Limits>;
  /** Name for positions (`stdin:3:5`); without one, errors say just `3:5`. */
  readonly source?: string;
}

/**
 * The REPL's logic without any I/O, so the CLI, a test or the Mission Runner
 * actor can drive it: feed it lines, it evaluates each form as soon as the form
 * is complete and writes the printed result, or an `error:` line with line:col.
 * A form may span lines; after a read error the rest of that line is dropped and
 * reading goes on with the next one. Line numbers count from the first line fed.
 */
export class ReplSession {
  /** Forms evaluated, successfully or not. */
  forms = 0;
  /** Failed forms and read errors. */
  errors = 0;
  private buffer = '';
  private bufferPos: Pos = { line: 1, col: 1 };
  private nextLine = 1;
  private readonly scanner = new FormScanner();

  constructor(private readonly options: ReplSessionOptions) {}

  /** Whether an unfinished form is waiting for more lines (the TTY shows a continuation prompt). */
  get pending(): boolean {
    return this.scanner.content;
  }

  /** Characters the session has looked at so far, scanning and reading: linear in what was fed. */
  get charactersScanned(): number {
    return this.scanner.scanned + this.charactersRead;
  }

  private charactersRead = 0;

  /** Forget an unfinished form (Ctrl-C on a TTY). */
  discard(): void {
    this.clear();
  }

  private clear(): void {
    this.buffer = '';
    this.scanner.reset();
  }

  async feedLine(line: string): Promise<void> {
    const lineNo = this.nextLine++;
    if (this.buffer === '') this.bufferPos = { line: lineNo, col: 1 };
    this.buffer += `${line}\n`;
    if (this.buffer.length > MAX_SOURCE_LENGTH) {
      this.clear();
      this.fail(`error: ${lineNo}:1: unfinished form is longer than ${MAX_SOURCE_LENGTH} characters; dropped`);
      return;
    }
    // Only a line that finishes a form is worth reading; the others just move the scan on.
    const ready = this.scanner.feed(`${line}\n`);
    if (!this.scanner.content) this.clear();
    else if (ready) await this.drain(false);
  }

  /** End of input: an unfinished form is now an error (an unterminated list, say). */
  async end(): Promise<void> {
    // The newline after the last line was ours, not the input's: report end of input where the text ends.
    if (this.buffer.endsWith('\n')) this.buffer = this.buffer.slice(0, -1);
    await this.drain(true);
    this.clear();
  }

  private async drain(atEnd: boolean): Promise<void> {
    const { source } = this.options;
    this.charactersRead += this.buffer.length;
    const reader = new Reader(this.buffer, { ...(source === undefined ? {} : { source }), line: this.bufferPos.line, col: this.bufferPos.col });
    for (;;) {
      const offset = reader.offset;
      const pos = reader.position();
      let form: Value | typeof END;
      try {
        form = reader.next();
      } catch (err) {
        if (err instanceof ReadError && err.incomplete && !atEnd) {
          this.buffer = this.buffer.slice(offset);
          this.bufferPos = pos;
          // The unfinished rest began after the last form that ended, so rescanning it stays linear.
          this.scanner.reset();
          this.scanner.feed(this.buffer);
          return;
        }
        this.clear();
        this.fail(`error: ${describe(err)}`);
        return;
      }
      if (form === END) {
        this.clear();
        return;
      }
      await this.evaluate(form);
    }
  }

  private async evaluate(form: Value): Promise<void> {
    this.forms++;
    const { env, limits, write } = this.options;
    try {
      const value = await evaluate(form, env, { ...(limits === undefined ? {} : { limits }), output: write });
      write(`${print(value)}\n`);
    } catch (err) {
      this.fail(`error: ${describe(err)}`);
    }
  }

  private fail(line: string): void {
    this.errors++;
    this.options.write(`${line}\n`);
  }

  /** Tab completion of the name being typed at the end of `line`: readline's completer shape. */
  complete(line: string): [string[], string] {
    const prefix = /[^\s()[\]{}"'`,;]*$/.exec(line)?.[0] ?? '';
    const names = new Set([...this.options.env.names(), ...SPECIAL_FORMS.keys()]);
    const hits = [...names].filter((n) => n.startsWith(prefix)).sort();
    return [hits, prefix];
  }
}

function describe(err: unknown): string {
  if (err instanceof ReadError || err instanceof LispError) return err.message;
  // Not a Lisp problem but a bug here; still one line, and the session goes on.
  return `internal: ${err instanceof Error ? err.message : String(err)}`;
}
