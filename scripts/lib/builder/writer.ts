// Writing big outputs without whole-corpus strings: buffered appends to a file descriptor, JSON lists written item
// by item, and files spliced from parts (report.json holds the mentions, dropped text and unlocated events that
// were appended to part files while the documents were built).

import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';

const FLUSH_AT = 4 * 1024 * 1024;

/** Appends strings and bytes to a new file through a buffer of a few MB of its own. The bytes are copied in, not
 * kept: a cached entry's fragments are views of the whole entry read from disk, and keeping a small fragment (a
 * document's risk rows) until the next flush kept its whole entry alive, thousands of them (the cached rebuild's
 * extra memory). `start`: where in the file the first byte goes (the bytes before it are left to `writeAt`). */
export class FileWriter {
  private fd: number;
  private buf = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;
  /** Bytes written so far (flushed or not): where the next write starts in the file, after `start`. */
  bytes = 0;
  /** Where in the file the next flush goes. */
  private pos: number;

  constructor(
    readonly path: string,
    readonly start = 0,
  ) {
    this.fd = openSync(path, 'w');
    this.pos = start;
  }

  /** Text (written as UTF-8), or UTF-8 bytes written as they are. */
  write(s: string | Uint8Array): void {
    if (!s.length) return;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const most = typeof s === 'string' ? s.length * 3 : s.length;
    if (this.used + most > FLUSH_AT) this.flush();
    if (most > FLUSH_AT) {
      const b = typeof s === 'string' ? Buffer.from(s) : s;
      this.pos = writeAll(this.fd, b, this.pos);
      this.bytes += b.length;
    } else if (typeof s === 'string') {
      const n = this.buf.write(s, this.used, 'utf8');
      this.used += n;
      this.bytes += n;
    } else {
      this.buf.set(s, this.used);
      this.used += s.length;
      this.bytes += s.length;
    }
  }

  /** `b` written at `pos` in the file (before `start`: the writes go on after their own bytes). */
  writeAt(pos: number, b: Uint8Array): void {
    writeAll(this.fd, b, pos);
  }

  /** Another file's bytes from `from` on, appended as they are. */
  copyFrom(path: string, from = 0): void {
    this.flush();
    const src = openSync(path, 'r');
    try {
      for (let n; (n = readSync(src, this.buf, 0, this.buf.length, from)) > 0; from += n) {
        this.pos = writeAll(this.fd, this.buf.subarray(0, n), this.pos);
        this.bytes += n;
      }
    } finally {
      closeSync(src);
    }
  }

  private flush(): void {
    this.pos = writeAll(this.fd, this.buf.subarray(0, this.used), this.pos);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Puts `head` before what `w` wrote after its `start` room: into the room when it is exactly that long, else the
 * body is moved (to the path + `suffix`) and copied after the head. Returns the writer to go on with (a new one
 * when the body moved).
 */
export function fillHead(w: FileWriter, head: Uint8Array, suffix: string): FileWriter {
  if (head.length === w.start) {
    w.writeAt(0, head);
    return w;
  }
  w.close();
  const moved = `${w.path}${suffix}`;
  renameSync(w.path, moved);
  const out = new FileWriter(w.path);
  out.write(head);
  out.copyFrom(moved, w.start);
  rmSync(moved, { force: true });
  return out;
}

/** Writes `b` at `pos`; returns where it ends. */
function writeAll(fd: number, b: Uint8Array, pos: number): number {
  for (let at = 0; at < b.length;) at += writeSync(fd, b, at, b.length - at, pos + at);
  return pos + b.length;
}

/** A JSON list's items (each already serialised, or several joined by commas; "" adds nothing). */
export class ListWriter {
  private any = false;
  constructor(private readonly out: FileWriter) {}

  add(items: string | Uint8Array): void {
    if (!items.length) return;
    if (this.any) this.out.write(',');
    this.out.write(items);
    this.any = true;
  }
}

/** A JSON list written to its own file: "[", the items, "]\n" (JSON.stringify's bytes plus a newline). */
export class JsonListFile {
  private out: FileWriter;
  private list: ListWriter;
  constructor(path: string) {
    this.out = new FileWriter(path);
    this.out.write('[');
    this.list = new ListWriter(this.out);
  }
  add(items: string | Uint8Array): void {
    this.list.add(items);
  }
  close(): void {
    this.out.write(']\n');
    this.out.close();
  }
}

/** A list's items kept in a part file, to be spliced into one or more outputs later, then removed. */
export class PartFile {
  private out: FileWriter;
  private list: ListWriter;
  constructor(readonly path: string) {
    this.out = new FileWriter(path);
    this.list = new ListWriter(this.out);
  }
  add(items: string | Uint8Array): void {
    this.list.add(items);
  }
  close(): void {
    this.out.close();
  }
  remove(): void {
    rmSync(this.path, { force: true });
  }
}

/** The claims' sentences, one JSON string a line (the claimText fragments in claim order), left on disk: the
 * lines' starts are kept (8 bytes a claim) and a sentence is read back when asked for. At 100k articles the
 * sentences are 209 MB, and held as strings they cost several times that. */
export class ClaimTextFile {
  lines = 0;
  private starts = new Float64Array(1024);
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(64 * 1024);

  /** Scans the file once; `flagged(line, json)` is told of every line in which `may` finds a match (tested on the
   * line's bytes as Latin-1: an ASCII word matches as it would in the decoded sentence). */
  constructor(
    path: string,
    may?: RegExp,
    flagged?: (line: number, json: string) => void,
    pieceSize = FLUSH_AT,
  ) {
    this.fd = openSync(path, 'r');
    const piece = Buffer.allocUnsafe(pieceSize);
    let rest: Buffer = Buffer.alloc(0);
    let base = 0; // file offset of rest's first byte
    for (let n; (n = readSync(this.fd, piece, 0, piece.length, null)) > 0;) {
      const chunk = rest.length ? Buffer.concat([rest, piece.subarray(0, n)]) : piece.subarray(0, n);
      const latin = may ? chunk.toString('latin1') : '';
      let from = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        if (may && flagged && may.test(latin.slice(from, nl)))
          flagged(this.lines, chunk.toString('utf8', from, nl));
        this.push(base + nl + 1);
        from = nl + 1;
      }
      rest = Buffer.from(chunk.subarray(from));
      base += from;
    }
    if (rest.length) throw new Error(`${path}: the last sentence has no newline`);
  }

  private push(next: number): void {
    if (this.lines + 2 > this.starts.length) {
      const b = new Float64Array(this.starts.length * 2);
      b.set(this.starts);
      this.starts = b;
    }
    this.starts[++this.lines] = next;
  }

  /** The sentence of `line` as the JSON string literal it is stored as. */
  json(line: number): string {
    if (!(line >= 0 && line < this.lines)) throw new Error(`no text for claim ${line}`);
    const from = this.starts[line] as number;
    const len = (this.starts[line + 1] as number) - 1 - from;
    if (len > this.buf.length) this.buf = Buffer.allocUnsafe(len);
    for (let at = 0; at < len;) {
      const n = readSync(this.fd, this.buf, at, len - at, from + at);
      if (n <= 0) throw new Error(`no text for claim ${line}`);
      at += n;
    }
    return this.buf.toString('utf8', 0, len);
  }

  close(): void {
    closeSync(this.fd);
  }
}
