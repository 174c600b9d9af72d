// File access for the CLIs: read the gazetteer, lexicons and a corpus folder. The pipeline itself never touches fs.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { createContext, readWordLists, type PipelineContext } from '../../src/pipeline/context.ts';
import { fold } from '../../src/pipeline/text.ts';
import { mergeCustomPlaces } from '../../src/pipeline/gazetteer-custom.ts';
import type { EventLexicon, Gazetteer, Lexicons, RawDoc, SourceMeta } from '../../src/pipeline/types.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_GEODATA = join(ROOT, 'geodata');

/** Articles larger than this are skipped with a message (the "huge file"). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export interface LoadedContext extends PipelineContext {
  customErrors: string[];
}

/** Gazetteer + lexicons + the analyst's custom places, ready for the pipeline. */
export function loadContext(opts: { geodataDir?: string } = {}): LoadedContext {
  const dir = opts.geodataDir ?? DEFAULT_GEODATA;
  const gaz = readJson(join(dir, 'gazetteer.json')) as Gazetteer;
  let customErrors: string[] = [];
  let merged = gaz;
  const customPath = join(dir, 'custom-places.json');
  if (existsSync(customPath)) {
    let custom: unknown;
    try {
      custom = readJson(customPath);
    } catch (e) {
      custom = [];
      customErrors.push(`${customPath}: not valid JSON (${(e as Error).message}); no custom place used`);
    }
    const r = mergeCustomPlaces(gaz, custom);
    merged = r.gazetteer;
    customErrors = [...customErrors, ...r.errors];
  }
  const actorsFile = readJson(join(dir, 'lexicon/actors.json')) as {
    actors: Lexicons['actors'];
    generic: Lexicons['generic'];
  };
  const nonloc = readJson(join(dir, 'lexicon/non-locations.json')) as {
    phrases: string[];
    notAlone: string[];
  };
  const events = readJson(join(dir, 'lexicon/events.json')) as EventLexicon;
  const lexicons: Lexicons = {
    actors: actorsFile.actors,
    generic: actorsFile.generic,
    nonLocations: nonloc.phrases,
    notAlone: new Set(nonloc.notAlone.map(fold)),
    events,
  };
  const words = readWordLists((file) => readJson(join(dir, 'lexicon', file)));
  return { ...createContext(merged, lexicons, words), customErrors };
}

export interface CorpusProblem {
  file: string;
  why: string;
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
    problems.push({ file, why: `binary file (${nul} NUL bytes in the first ${sample.length}); skipped` });
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    problems.push({ file, why: 'not valid UTF-8; decoded as Windows-1252 (check accents in this article)' });
    return new TextDecoder('windows-1252').decode(buf);
  }
}

interface SourcesJson {
  sources?: { file?: unknown; title?: unknown; publisher?: unknown; published?: unknown }[];
}

function str(x: unknown): string | null {
  return typeof x === 'string' && x.trim() ? x.trim() : null;
}

/** Read every .txt/.md/.html article of a folder, with metadata from an optional sources.json. */
export function readCorpus(dir: string): { docs: RawDoc[]; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const meta = new Map<string, SourceMeta>();
  const sourcesPath = join(dir, 'sources.json');
  if (existsSync(sourcesPath)) {
    try {
      const sj = readJson(sourcesPath) as SourcesJson;
      for (const s of sj.sources ?? []) {
        const file = str(s.file);
        if (!file) continue;
        let published = str(s.published);
        // The shape and a real calendar day ("2025-13-45" has the shape).
        const real = (d: string) =>
          !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) &&
          new Date(`${d}T12:00:00Z`).toISOString().startsWith(d);
        if (published && !(/^\d{4}-\d{2}-\d{2}$/.test(published) && real(published))) {
          problems.push({
            file: 'sources.json',
            why: `${file}: published "${published}" is not YYYY-MM-DD; treated as unknown`,
          });
          published = null;
        }
        meta.set(file, { title: str(s.title), publisher: str(s.publisher), published });
      }
    } catch (e) {
      problems.push({
        file: 'sources.json',
        why: `not valid JSON (${(e as Error).message}); articles read without metadata`,
      });
    }
  }
  const docs: RawDoc[] = [];
  for (const file of readdirSync(dir).sort()) {
    const path = join(dir, file);
    const ext = extname(file).toLowerCase();
    if (file === 'sources.json') continue;
    const format = FORMATS[ext];
    if (!format) {
      if (!file.startsWith('.'))
        problems.push({ file, why: `not an article (${ext || 'no extension'}); skipped` });
      continue;
    }
    let size: number;
    try {
      size = statSync(path).size;
      if (size > MAX_ARTICLE_BYTES) {
        problems.push({
          file,
          why: `${(size / 1048576).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1048576} MB article limit; skipped`,
        });
        continue;
      }
      const text = decode(readFileSync(path), file, problems);
      if (text === null) continue;
      if (!text.trim()) {
        problems.push({ file, why: 'empty file; skipped' });
        continue;
      }
      const id = basename(file, extname(file));
      docs.push({
        id,
        file,
        format,
        text,
        meta: meta.get(file) ?? { title: null, publisher: null, published: null },
      });
    } catch (e) {
      problems.push({
        file,
        why: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`,
      });
    }
  }
  return { docs, problems };
}
