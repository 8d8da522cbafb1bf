import { isDelimiter, isWhitespace } from './reader.js';

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Tells a REPL, a line at a time, whether the text so far holds a finished
 * top-level form, keeping its state (open brackets, inside a string or a
 * comment) between lines. The reader then runs once over a finished form,
 * instead of over the whole pending text on every line: a 20,000-line form
 * took 150 s to type in that way (issue 17). It follows the reader's lexical
 * rules only as far as brackets, strings and comments; the reader still
 * decides what the text means, and reports every error.
 */
export class FormScanner {
  private open: string[] = [];
  private inString = false;
  private escaped = false;
  private inComment = false;
  private inAtom = false;
  /** Something other than whitespace and comments was seen. */
  content = false;
  /** Characters looked at, over the scanner's life: linear in the input, as a test checks. */
  scanned = 0;

  /** Forget everything (the pending text was read or dropped). */
  reset(): void {
    this.open = [];
    this.inString = false;
    this.escaped = false;
    this.inComment = false;
    this.inAtom = false;
    this.content = false;
  }

  /** Scan more text; true when a top-level form ended in it, or a closer did not match (the reader will say so). */
  feed(text: string): boolean {
    let ready = false;
    this.scanned += text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const ch = text[i] as string;
      if (this.inComment) {
        if (ch === '\n') this.inComment = false;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') {
          this.inString = false;
          if (this.open.length === 0) ready = true;
        }
        continue;
      }
      if (this.inAtom) {
        if (!isDelimiter(c)) continue;
        this.inAtom = false;
        if (this.open.length === 0) ready = true;
      }
      if (isWhitespace(c)) continue;
      if (ch === ';') {
        this.inComment = true;
        continue;
      }
      this.content = true;
      const closer = CLOSER[ch];
      if (closer !== undefined) {
        this.open.push(closer);
      } else if (ch === ')' || ch === ']' || ch === '}') {
        if (this.open.pop() !== ch) ready = true;
        else if (this.open.length === 0) ready = true;
      } else if (ch === '"') {
        this.inString = true;
      } else if (ch === ',' && text[i + 1] === '@') {
        i++;
      } else if (ch === '#') {
        ready = true;
      } else if (ch !== "'" && ch !== '`' && ch !== ',') {
        this.inAtom = true;
      }
    }
    return ready;
  }
}
