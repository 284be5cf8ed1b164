/**
 * JSON Lines reading shared by every dataset parser, the app's importer and
 * the CLI. Lines keep their physical (1-based) line numbers so that every
 * problem can be reported as `FILE:LINE`. A leading BOM, CRLF line ends and
 * blank lines are accepted. The incremental reader takes chunks (bytes or
 * text) so a 100 MB file never has to be one string.
 *
 * Bytes are decoded as strict UTF-8: a file in Windows-1256 or with a
 * broken character is refused at its first bad byte (offset and line
 * named), never read with U+FFFD in place of what it said, as article
 * import refuses it (src/core/import/decode.ts). A line longer than a whole
 * file may be (MAX_OPEN_BYTES) is refused too, so `/dev/zero` cannot fill
 * the memory.
 */
import { describeError } from './errors.ts';
import { firstInvalidUtf8, utf8AdviceKind } from './import/decode.ts';
import { MAX_OPEN_BYTES } from './limits.ts';
import { byteSize, problem, problemText, type Problem } from './problems/problem.ts';

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
  /** The problem in English (the CLI prints it). */
  message: string;
  /** The problem as data, which the interface words in its language. */
  problem?: Problem;
}

/** A line error from a problem: its English `message` and the problem itself. */
export function lineError(line: number, p: Problem): LineError {
  return { line, message: problemText(p), problem: p };
}

/** How many bytes of `b` end on a character boundary (a cut sequence is left over). */
function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k]!;
    if (c < 0x80) return n;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > k ? n - k : n;
    }
  }
  return n;
}

/** Incremental line splitter: feed chunks, get complete lines back. */
export class JsonlLineReader {
  /** The current line's text so far, in pieces (joined once, when it ends). */
  private carry: string[] = [];
  /** Bytes (or, for text chunks, UTF-16 units) of the current line so far. */
  private carryLength = 0;
  private lineNo = 0;
  private first = true;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The bytes of a character cut by the end of the last chunk. */
  private pending: Uint8Array | null = null;
  /** Bytes received before the current chunk. */
  private bytesBefore = 0;
  /** The last bytes read (up to ADVICE_BEFORE), for the message about a bad byte. */
  private recent: Uint8Array = new Uint8Array(0);
  /**
   * A bad byte found, its message waiting for the bytes after it (up to
   * ADVICE_AFTER, or the end), so the message never depends on where the
   * input happened to be cut into chunks.
   */
  private bad: { line: number; at: number; before: Uint8Array; after: Uint8Array } | null = null;
  /** Characters (UTF-16 units) or bytes consumed so far, for progress. */
  consumed = 0;
  /**
   * Set when the input cannot be read on (not UTF-8, or a line over the
   * limit), naming the line and, for bad bytes, the byte offset (0-based).
   * No line is returned after it: callers must check it.
   */
  error: LineError | null = null;

  /** `maxLineBytes`: the longest line accepted (default: MAX_OPEN_BYTES, 200 MB). */
  constructor(private readonly maxLineBytes = MAX_OPEN_BYTES) {}

  /** Adds a chunk; returns the non-blank lines it completed. */
  push(chunk: string | Uint8Array): JsonlLine[] {
    if (this.error) return [];
    this.consumed += chunk.length;
    if (this.bad) {
      if (typeof chunk !== 'string') this.gatherAfterBad(chunk);
      return [];
    }
    if (typeof chunk === 'string') {
      const out: JsonlLine[] = [];
      this.take(chunk, chunk.indexOf('\n'), chunk.lastIndexOf('\n'), chunk.length, out);
      return out;
    }
    const held = this.pending;
    const data = held ? concat(held, chunk) : chunk;
    const start = this.bytesBefore - (held?.length ?? 0);
    this.bytesBefore += chunk.length;
    const cut = completeLength(data);
    this.pending = cut < data.length ? data.slice(cut) : null;
    return this.decodeBytes(data, cut, start);
  }

  /** Ends the input; returns the last line when it had no line end. */
  end(): JsonlLine[] {
    if (this.bad) this.failBad();
    if (this.error) return [];
    const out: JsonlLine[] = [];
    if (this.pending) {
      const at = this.bytesBefore - this.pending.length;
      const lead = this.pending[0]!;
      if (lead >= 0xc2 && lead <= 0xf4)
        this.fail(this.lineNo + 1, problem('jsonl.cutCharacter', { at }));
      else {
        this.bad = { line: this.lineNo + 1, at, before: this.recent, after: this.pending };
        this.failBad();
      }
      return out;
    }
    const rest = this.carry.join('');
    this.carry = [];
    this.carryLength = 0;
    if (rest.length > 0) this.emit(rest, out);
    return out;
  }

  /** Decodes `data[0:cut]` (starting at byte `start` of the file) and splits it. */
  private decodeBytes(data: Uint8Array, cut: number, start: number): JsonlLine[] {
    const out: JsonlLine[] = [];
    const whole = data.subarray(0, cut);
    let text: string;
    let bad = -1;
    try {
      text = this.decoder.decode(whole);
    } catch {
      bad = firstInvalidUtf8(whole);
      if (bad < 0) bad = whole.length; // cannot happen: the decoder and the scan agree
      text = this.decoder.decode(whole.subarray(0, bad));
    }
    const valid = bad < 0 ? whole : whole.subarray(0, bad);
    this.take(text, valid.indexOf(10), valid.lastIndexOf(10), valid.length, out);
    if (bad >= 0 && !this.error) {
      this.bad = {
        line: this.lineNo + 1,
        at: start + bad,
        before: lastBytes(this.recent, valid, ADVICE_BEFORE),
        after: new Uint8Array(0),
      };
      this.gatherAfterBad(data.subarray(bad));
    } else this.recent = lastBytes(this.recent, valid, ADVICE_BEFORE);
    return out;
  }

  /** Keeps bytes after a bad one until there are enough to judge them. */
  private gatherAfterBad(bytes: Uint8Array): void {
    const b = this.bad!;
    b.after = concat(b.after, bytes.subarray(0, ADVICE_AFTER - b.after.length));
    if (b.after.length >= ADVICE_AFTER) this.failBad();
  }

  /** Turns the bad byte found into the reader's error. */
  private failBad(): void {
    const b = this.bad!;
    this.bad = null;
    const advice = utf8AdviceKind(concat(b.before, b.after), b.at - b.before.length === 0);
    this.fail(b.line, problem('jsonl.notUtf8', { at: b.at, advice }));
  }

  /**
   * Splits decoded `text` into lines, refusing the line open at its start
   * once it is too long. `firstNl`/`lastNl` are the first and last line
   * ends and `units` the length of the input, in input units (bytes for
   * byte chunks, characters for text).
   */
  private take(
    text: string,
    firstNl: number,
    lastNl: number,
    units: number,
    out: JsonlLine[],
  ): void {
    const open = this.carryLength + (firstNl < 0 ? units : firstNl);
    if (open > this.maxLineBytes) {
      this.fail(
        this.lineNo + 1,
        problem('jsonl.lineTooLong', {
          line: this.lineNo + 1,
          limit: byteSize(this.maxLineBytes),
        }),
      );
      return;
    }
    this.carryLength = firstNl < 0 ? open : units - lastNl - 1;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      const piece = text.slice(from, nl);
      const line = this.carry.length > 0 ? this.carry.join('') + piece : piece;
      this.carry = [];
      this.emit(line, out);
      from = nl + 1;
    }
    if (from < text.length) this.carry.push(text.slice(from));
  }

  private fail(line: number, p: Problem): void {
    this.error = lineError(line, p);
    this.carry = [];
    this.pending = null;
  }

  private emit(raw: string, out: JsonlLine[]): void {
    this.lineNo++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim().length > 0) out.push({ line: this.lineNo, text });
  }
}

/** Bytes kept before a bad byte, and gathered after it, to say what the file is. */
const ADVICE_BEFORE = 256;
const ADVICE_AFTER = 1024;

/** The last `n` bytes of `a` followed by `b`. */
function lastBytes(a: Uint8Array, b: Uint8Array, n: number): Uint8Array {
  if (b.length >= n) return b.slice(b.length - n);
  const keep = a.subarray(Math.max(0, a.length - (n - b.length)));
  return concat(keep, b);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Splits a whole JSONL text into its non-blank lines with line numbers. */
export function splitJsonl(text: string): JsonlLine[] {
  const r = new JsonlLineReader();
  const out = r.push(text);
  for (const l of r.end()) out.push(l);
  return out;
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
    return {
      ok: false,
      error: lineError(l.line, problem('jsonl.invalidJson', { detail: describeError(err) })),
    };
  }
}

/** Splits `bytes` into chunks of at most `size` bytes, for feeding a reader. */
export function* byteChunks(bytes: Uint8Array, size = 1 << 20): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
