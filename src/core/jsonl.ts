/**
 * JSON Lines reading shared by every dataset parser, the app's importer and
 * the CLI. Lines keep their physical (1-based) line numbers so that every
 * problem can be reported as `FILE:LINE`. A leading BOM, CRLF line ends and
 * blank lines are accepted. The incremental reader takes chunks (bytes or
 * text) so a 100 MB file never has to be one string.
 */
import { describeError } from './errors.ts';

/** One non-blank line and where it stood in the file. */
export interface JsonlLine {
  /** 1-based physical line number. */
  line: number;
  /** The line without its line end. */
  text: string;
}

/** A problem with one line of a file. */
export interface LineError {
  line: number;
  message: string;
}

/** Incremental line splitter: feed chunks, get complete lines back. */
export class JsonlLineReader {
  private carry = '';
  private lineNo = 0;
  private first = true;
  private readonly decoder = new TextDecoder('utf-8');
  /** Characters (UTF-16 units) or bytes consumed so far, for progress. */
  consumed = 0;

  /** Adds a chunk; returns the non-blank lines it completed. */
  push(chunk: string | Uint8Array): JsonlLine[] {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
    } else {
      text = this.decoder.decode(chunk, { stream: true });
    }
    this.consumed += chunk.length;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const buf = this.carry + text;
    const out: JsonlLine[] = [];
    let from = 0;
    for (;;) {
      const nl = buf.indexOf('\n', from);
      if (nl < 0) break;
      this.emit(buf.slice(from, nl), out);
      from = nl + 1;
    }
    this.carry = buf.slice(from);
    return out;
  }

  /** Ends the input; returns the last line when it had no line end. */
  end(): JsonlLine[] {
    const rest = this.carry + this.decoder.decode();
    this.carry = '';
    const out: JsonlLine[] = [];
    if (rest.length > 0) this.emit(rest, out);
    return out;
  }

  private emit(raw: string, out: JsonlLine[]): void {
    this.lineNo++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim().length > 0) out.push({ line: this.lineNo, text });
  }
}

/** Splits a whole JSONL text into its non-blank lines with line numbers. */
export function splitJsonl(text: string): JsonlLine[] {
  const r = new JsonlLineReader();
  return [...r.push(text), ...r.end()];
}

/**
 * Parses one line's JSON. Returns the value, or an error naming the line.
 */
export function parseJsonLine(
  l: JsonlLine,
): { ok: true; value: unknown } | { ok: false; error: LineError } {
  try {
    return { ok: true, value: JSON.parse(l.text) as unknown };
  } catch (err) {
    return { ok: false, error: { line: l.line, message: `invalid JSON (${describeError(err)})` } };
  }
}

/** Splits `bytes` into chunks of at most `size` bytes, for feeding a reader. */
export function* byteChunks(bytes: Uint8Array, size = 1 << 20): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
