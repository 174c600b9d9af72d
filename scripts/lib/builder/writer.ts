// Writing big outputs without whole-corpus strings: buffered appends to a file descriptor, JSON lists written item
// by item, and files spliced from parts (report.json holds the mentions, dropped text and unlocated events that
// were appended to part files while the documents were built).

import { closeSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';

const FLUSH_AT = 4 * 1024 * 1024;

/** Appends strings and bytes to a new file through a buffer of a few MB of its own. The bytes are copied in, not
 * kept: a cached entry's fragments are views of the whole entry read from disk, and keeping a small fragment (a
 * document's risk rows) until the next flush kept its whole entry alive, thousands of them (the cached rebuild's
 * extra memory). */
export class FileWriter {
  private fd: number;
  private buf = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Text (written as UTF-8), or UTF-8 bytes written as they are. */
  write(s: string | Uint8Array): void {
    if (!s.length) return;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const most = typeof s === 'string' ? s.length * 3 : s.length;
    if (this.used + most > FLUSH_AT) this.flush();
    if (most > FLUSH_AT) writeAll(this.fd, typeof s === 'string' ? Buffer.from(s) : s);
    else if (typeof s === 'string') this.used += this.buf.write(s, this.used, 'utf8');
    else {
      this.buf.set(s, this.used);
      this.used += s.length;
    }
  }

  /** Another file's bytes, appended as they are. */
  copyFrom(path: string): void {
    this.flush();
    const src = openSync(path, 'r');
    try {
      for (let n; (n = readSync(src, this.buf, 0, this.buf.length, null)) > 0;)
        writeAll(this.fd, this.buf.subarray(0, n));
    } finally {
      closeSync(src);
    }
  }

  private flush(): void {
    writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function writeAll(fd: number, b: Uint8Array): void {
  for (let at = 0; at < b.length;) at += writeSync(fd, b, at, b.length - at);
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

/** The claims' sentences, one JSON string a line (the claimText fragments in claim order), held as bytes with
 * the line starts, not as strings: a string per claim would cost what leaving them out of the claims saved. */
export class ClaimTexts {
  private bytes: Buffer;
  private starts: number[] = [0];
  constructor(path: string) {
    this.bytes = readFileSync(path);
    for (let at = this.bytes.indexOf(10); at >= 0; at = this.bytes.indexOf(10, at + 1))
      this.starts.push(at + 1);
  }
  get(i: number): string {
    return JSON.parse(this.json(i)) as string;
  }
  /** The sentence as the JSON string literal it is stored as. */
  json(i: number): string {
    const from = this.starts[i];
    const to = this.starts[i + 1];
    if (from === undefined || to === undefined) throw new Error(`no text for claim ${i}`);
    return this.bytes.toString('utf8', from, to - 1);
  }
}
