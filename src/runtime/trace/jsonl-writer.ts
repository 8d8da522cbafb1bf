import { FileWriter } from './file-writer.js';
import type { TraceRecord } from './record.js';
import type { TraceSink } from './sink.js';

/** One JSON record per line, streamed: what `--trace-jsonl` writes. */
export class JsonlTraceWriter implements TraceSink {
  private readonly file: FileWriter;

  constructor(path: string) {
    this.file = new FileWriter(path);
  }

  write(r: TraceRecord): void {
    this.file.write(`${JSON.stringify(r)}\n`);
  }

  close(): void {
    this.file.close();
  }
}
