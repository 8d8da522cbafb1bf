import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Buffer size before a write hits the file; keeps sync I/O off the per-record path. */
const FLUSH_BYTES = 1 << 16;

/** Append-only text file, written synchronously in large chunks so nothing is lost on a crash of ours. */
export class FileWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private bytes = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    if (this.closed) throw new Error(`${this.path}: write after close`);
    this.buffer.push(text);
    this.bytes += text.length;
    if (this.bytes >= FLUSH_BYTES) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.bytes = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.closed = true;
  }
}
