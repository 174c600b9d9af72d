// Reading a corpus folder: the articles (.txt, .md, .html) at its top and the optional sources.json. Every entry
// the build does not use is named with the reason, in the report and on stderr: links (never followed), special
// files, subfolders, hidden files, other formats, empty, binary or oversized files, and each problem of
// sources.json. Ids are the file names without extension, unique per file.

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { RawDoc, SourceMeta } from '../../src/pipeline/types.ts';
import type { ScanMemo } from './builder/scan-memo.ts';
import { visibleName } from './escape.ts';
import { describeLink, kindOf, readRegular } from './safe-read.ts';

/** Articles larger than this are skipped with a message (the "huge file"). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** sources.json larger than this is not read (a link to /dev/zero, a runaway export). */
export const MAX_SOURCES_BYTES = 64 * 1024 * 1024;

export interface CorpusProblem {
  file: string;
  why: string;
  /** true: the file was not built (it goes to the report's documents); false: a warning about its input. */
  skipped: boolean;
}

const FORMATS: Record<string, RawDoc['format']> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** Decode bytes: UTF-8 when valid, UTF-16 with a BOM, else Windows-1252 (said in the problems list). */
function decode(buf: Buffer, file: string, problems: CorpusProblem[]): string | null {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  const sample = buf.subarray(0, 8192);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) {
    problems.push({
      file,
      why: `binary file (${nul} NUL bytes in the first ${sample.length}); skipped`,
      skipped: true,
    });
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    problems.push({
      file,
      why: 'not valid UTF-8; decoded as Windows-1252 (check accents in this article)',
      skipped: false,
    });
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** Bidi embeddings, overrides and isolates: a title holding one could display reversed. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

function str(x: unknown): string | null {
  if (typeof x !== 'string') return null;
  const t = x.replace(BIDI, '').trim();
  return t ? t : null;
}

/** A real calendar day in the shape YYYY-MM-DD ("2025-13-45" has the shape). */
function isDay(d: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(d) &&
    !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) &&
    new Date(`${d}T12:00:00Z`).toISOString().startsWith(d)
  );
}

function what(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`;
}

/** sources.json: {"sources": [...]} or a bare list of {file, title?, publisher?, published?}; each bad entry said. */
function readSources(dir: string, problems: CorpusProblem[]): Map<string, SourceMeta> {
  const meta = new Map<string, SourceMeta>();
  const warn = (why: string) => problems.push({ file: 'sources.json', why, skipped: false });
  const r = readRegular(dir, 'sources.json', MAX_SOURCES_BYTES, { rootName: 'the corpus folder' });
  if (!r.ok) {
    if (!r.missing) warn(`${r.why}; not read, articles read without metadata`);
    return meta;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(r.bytes));
  } catch (e) {
    warn(`not valid JSON (${(e as Error).message}); articles read without metadata`);
    return meta;
  }
  const list = Array.isArray(json)
    ? json
    : json !== null && typeof json === 'object'
      ? (json as { sources?: unknown }).sources
      : undefined;
  if (!Array.isArray(list)) {
    warn(
      `${what(json)} without a "sources" list (expected {"sources": [...]} or a list); articles read without metadata`,
    );
    return meta;
  }
  list.forEach((s: unknown, i) => {
    const n = `entry ${i + 1}`;
    if (s === null || typeof s !== 'object' || Array.isArray(s)) {
      warn(`${n} is ${what(s)}, not an object; ignored (the other entries are read)`);
      return;
    }
    const e = s as { file?: unknown; title?: unknown; publisher?: unknown; published?: unknown };
    const file = str(e.file);
    if (!file) {
      warn(`${n} has no "file" naming its article; ignored`);
      return;
    }
    let published = str(e.published);
    if (published && !isDay(published)) {
      warn(`${file}: published "${published}" is not YYYY-MM-DD; treated as unknown`);
      published = null;
    }
    if (meta.has(file)) warn(`${n}: ${file} is described twice; the later entry is used`);
    meta.set(file, { title: str(e.title), publisher: str(e.publisher), published });
  });
  return meta;
}

/**
 * Ids: the file name without its extension, made visible (controls shown as "_"); when two files would share one
 * ("dup.txt" and "dup.md"), each takes its whole file name, and names that still collide are numbered. A corpus
 * without collisions keeps the ids it always had.
 */
export function assignIds(files: readonly string[]): string[] {
  const ids = files.map((f) => visibleName(basename(f, extname(f))));
  const full = files.map((f) => visibleName(f));
  for (let changed = true; changed;) {
    changed = false;
    const count = new Map<string, number>();
    for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
    ids.forEach((id, i) => {
      if ((count.get(id) ?? 0) > 1 && id !== full[i]) {
        ids[i] = full[i] as string;
        changed = true;
      }
    });
  }
  // Names that differ only in control characters: the first keeps the id, the others are numbered.
  const taken = new Set(ids);
  const seen = new Set<string>();
  return ids.map((id) => {
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
    let k = 2;
    while (taken.has(`${id}~${k}`)) k++;
    const next = `${id}~${k}`;
    taken.add(next);
    return next;
  });
}

/** Why an entry of the folder is not read as an article, or null when it is one. */
function notAnArticle(dir: string, name: string): string | null {
  const path = join(dir, name);
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    return `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`;
  }
  if (st.isSymbolicLink()) return `${describeLink(path, dir, 'the corpus folder')}; skipped`;
  if (name.startsWith('.')) return 'hidden (its name starts with "."); skipped';
  if (st.isDirectory())
    return 'a folder; skipped: only the articles at the top of the corpus folder are read, not subfolders (move them up to build them)';
  if (!st.isFile()) return `${kindOf(st)}, not a regular file; skipped`;
  const ext = extname(name).toLowerCase();
  if (!FORMATS[ext]) return `not an article (${ext || 'no extension'}); skipped`;
  return null;
}

/** An article found by scanCorpus: what it is, not its text (read again when it is built: readArticle). */
export interface CorpusEntry {
  id: string;
  file: string;
  format: RawDoc['format'];
  meta: SourceMeta;
  /** SHA-256 of the file's bytes as read (hex), for the build cache. */
  sha256: string;
  /** Length of the decoded text (the report's "chars"). */
  chars: number;
}

function scan(
  dir: string,
  keepText: boolean,
  memo?: ScanMemo,
): { entries: CorpusEntry[]; texts: string[]; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const meta = readSources(dir, problems);
  const read: Omit<CorpusEntry, 'id'>[] = [];
  const texts: string[] = [];
  const names = readdirSync(dir).sort();
  for (const file of names) {
    if (file === 'sources.json') continue;
    const why = notAnArticle(dir, file);
    if (why) {
      problems.push({ file, why, skipped: true });
      continue;
    }
    const format = FORMATS[extname(file).toLowerCase()] as RawDoc['format'];
    const m = meta.get(file) ?? { title: null, publisher: null, published: null };
    // An article unchanged since the last scan is not read again (its hash and length are remembered).
    const st = memo ? lstatSync(join(dir, file), { bigint: true, throwIfNoEntry: false }) : undefined;
    const known = st && memo?.recall(file, st);
    if (known) {
      if (known.warning !== null) problems.push({ file, why: known.warning, skipped: false });
      read.push({ file, format, meta: m, sha256: known.sha256, chars: known.chars });
      continue;
    }
    const r = readRegular(dir, file, MAX_ARTICLE_BYTES, {
      limitName: 'article',
      rootName: 'the corpus folder',
    });
    if (!r.ok) {
      problems.push({ file, why: `${r.why}; skipped`, skipped: true });
      continue;
    }
    const before = problems.length;
    const text = decode(r.bytes, file, problems);
    if (text === null) continue;
    if (!text.trim()) {
      problems.push({ file, why: 'empty file; skipped', skipped: true });
      continue;
    }
    const sha256 = createHash('sha256').update(r.bytes).digest('hex');
    read.push({ file, format, meta: m, sha256, chars: text.length });
    if (st) memo?.remember(file, st, { sha256, chars: text.length, warning: problems[before]?.why ?? null });
    if (keepText) texts.push(text);
  }
  const ids = assignIds(read.map((d) => d.file));
  const entries = read.map((d, i) => ({ id: ids[i] as string, ...d }));
  for (const d of entries) {
    const stem = visibleName(basename(d.file, extname(d.file)));
    if (d.id !== stem)
      problems.push({
        file: d.file,
        why: `another article has the name "${stem}": this one's source id is "${d.id}"`,
        skipped: false,
      });
  }
  const present = new Set(names);
  for (const file of meta.keys()) {
    if (!present.has(file))
      problems.push({
        file: 'sources.json',
        why: `describes ${file}, which is not in the corpus folder; that entry is unused`,
        skipped: false,
      });
  }
  return { entries, texts, problems };
}

/**
 * Every .txt/.md/.html article of a folder, with metadata from an optional sources.json, without holding their
 * text: each file is read, checked and hashed, then let go (a corpus can be larger than memory). With a memo
 * (builder/scan-memo.ts), files unchanged since the last scan are not read; the memo learns the others.
 */
export function scanCorpus(
  dir: string,
  memo?: ScanMemo,
): { entries: CorpusEntry[]; problems: CorpusProblem[] } {
  const { entries, problems } = scan(dir, false, memo);
  return { entries, problems };
}

/** An entry's text, read again as scanCorpus read it, with the SHA-256 of the bytes read now (the file may have
 * changed since); or why it cannot be read any more. */
export function readArticle(
  dir: string,
  entry: CorpusEntry,
): { ok: true; doc: RawDoc; sha256: string } | { ok: false; why: string } {
  const r = readRegular(dir, entry.file, MAX_ARTICLE_BYTES, {
    limitName: 'article',
    rootName: 'the corpus folder',
  });
  if (!r.ok) return { ok: false, why: `${r.why} (it changed during the build)` };
  const text = decode(r.bytes, entry.file, []);
  if (text === null || !text.trim())
    return { ok: false, why: 'binary or empty now (it changed during the build)' };
  const sha256 = createHash('sha256').update(r.bytes).digest('hex');
  const { id, file, format, meta } = entry;
  return { ok: true, doc: { id, file, format, text, meta }, sha256 };
}

/** Read every .txt/.md/.html article of a folder, with metadata from an optional sources.json. */
export function readCorpus(dir: string): { docs: RawDoc[]; problems: CorpusProblem[] } {
  const { entries, texts, problems } = scan(dir, true);
  const docs = entries.map(({ id, file, format, meta }, i) => ({
    id,
    file,
    format,
    text: texts[i] as string,
    meta,
  }));
  return { docs, problems };
}
