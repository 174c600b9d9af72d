// Geoparsing corpora in the team's evaluation JSONL + CSV format (paths given on the command line): documents ({corpus, doc_id, title?, text} per
// line) and toponyms (corpus, doc_id, start, end, surface, lat, lon, ...; offsets into `text`).
// Pure: parsing, turning the pipeline's resolutions into predictions, and per-corpus scoring.
import Papa from 'papaparse';
import type { RawDoc, Resolution } from '../pipeline/types.ts';
import {
  matchDoc,
  matchDocOverlap,
  summariseGeoparse,
  type DocMatch,
  type GoldToponym,
  type GeoparseSummary,
  type PredictedToponym,
} from './gritta.ts';

export interface GeoparseDoc {
  corpus: string;
  doc_id: string;
  title: string | null;
  text: string;
}

export interface GeoparseCorpus {
  docs: GeoparseDoc[];
  /** Gold toponyms by "corpus\u0000doc_id". */
  gold: Map<string, GoldToponym[]>;
  problems: { where: string; why: string }[];
}

export const docKey = (corpus: string, docId: string): string => `${corpus}\u0000${docId}`;

export function parseGeoparseDocs(jsonl: string): {
  docs: GeoparseDoc[];
  problems: { where: string; why: string }[];
} {
  const docs: GeoparseDoc[] = [];
  const problems: { where: string; why: string }[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      if (typeof o.doc_id !== 'string' || typeof o.text !== 'string')
        throw new Error('doc_id and text must be strings');
      docs.push({
        corpus: typeof o.corpus === 'string' ? o.corpus : '',
        doc_id: o.doc_id,
        title: typeof o.title === 'string' ? o.title : null,
        text: o.text,
      });
    } catch (e) {
      problems.push({ where: `docs line ${i + 1}`, why: (e as Error).message });
    }
  });
  return { docs, problems };
}

export function parseToponymsCsv(csv: string): {
  gold: Map<string, GoldToponym[]>;
  problems: { where: string; why: string }[];
} {
  const parsed = Papa.parse<Record<string, string | undefined>>(csv, { header: true, skipEmptyLines: true });
  const problems = parsed.errors.map((e) => ({ where: `toponyms row ${(e.row ?? -1) + 2}`, why: e.message }));
  const gold = new Map<string, GoldToponym[]>();
  parsed.data.forEach((r, i) => {
    const start = Number(r.start);
    const end = Number(r.end);
    if (!r.doc_id || !Number.isInteger(start) || !Number.isInteger(end) || end < start) {
      problems.push({ where: `toponyms row ${i + 2}`, why: 'missing doc_id or bad offsets' });
      return;
    }
    const lat = (r.lat ?? '').trim();
    const lon = (r.lon ?? '').trim();
    const point: [number, number] | null =
      lat !== '' && lon !== '' && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon))
        ? [Number(lon), Number(lat)]
        : null;
    const key = docKey(r.corpus ?? '', r.doc_id);
    const list = gold.get(key) ?? [];
    list.push({ start, end, surface: r.surface ?? '', point });
    gold.set(key, list);
  });
  return { gold, problems };
}

/** Read both files' contents into one corpus; warns about toponyms whose document is missing. */
export function parseGeoparseCorpus(jsonl: string, csv: string): GeoparseCorpus {
  const d = parseGeoparseDocs(jsonl);
  const t = parseToponymsCsv(csv);
  const keys = new Set(d.docs.map((doc) => docKey(doc.corpus, doc.doc_id)));
  const problems = [...d.problems, ...t.problems];
  for (const key of t.gold.keys())
    if (!keys.has(key))
      problems.push({ where: key.replace('\u0000', '/'), why: 'toponyms for an unknown document' });
  return { docs: d.docs, gold: t.gold, problems };
}

export function geoparseDocToRaw(doc: GeoparseDoc): RawDoc {
  return {
    id: doc.doc_id,
    file: `${doc.doc_id}.txt`,
    format: 'txt',
    text: doc.text,
    meta: { title: doc.title, publisher: null, published: null },
  };
}

/**
 * The pipeline's predicted toponyms in original-text offsets: every mention resolved to a gazetteer entry and not
 * rejected (a mention without coordinates cannot be scored, as in Gritta's set-up). `offsets` maps cleaned-text
 * offsets to the original text (CleanDoc.offsets); the surface is the original text under the mapped span.
 */
export function predictionsFrom(
  original: string,
  offsets: ArrayLike<number>,
  resolutions: readonly Pick<Resolution, 'placeId' | 'status' | 'mention'>[],
  point: (placeId: string) => [number, number] | undefined,
): PredictedToponym[] {
  const out: PredictedToponym[] = [];
  for (const r of resolutions) {
    if (r.placeId === null || r.status === 'rejected' || r.mention.rejected !== null) continue;
    const p = point(r.placeId);
    if (p === undefined) continue;
    const { start: s, end: e } = r.mention;
    const start = offsets[s] ?? s;
    const last = e > s ? offsets[e - 1] : undefined;
    const end = last === undefined ? (offsets[e] ?? e) : last + 1;
    out.push({ start, end, surface: original.slice(start, end), point: p, placeId: r.placeId });
  }
  return out;
}

export interface GeoparseDocResult {
  corpus: string;
  gritta: DocMatch;
  overlap: DocMatch;
}

export function scoreGeoparseDoc(
  corpus: string,
  gold: readonly GoldToponym[],
  predicted: readonly PredictedToponym[],
): GeoparseDocResult {
  return { corpus, gritta: matchDoc(gold, predicted), overlap: matchDocOverlap(gold, predicted) };
}

export interface GeoparseReport {
  all: GeoparseSummary;
  allOverlap: GeoparseSummary;
  byCorpus: { corpus: string; gritta: GeoparseSummary; overlap: GeoparseSummary }[];
}

export function summariseGeoparseRun(results: readonly GeoparseDocResult[]): GeoparseReport {
  const corpora = [...new Set(results.map((r) => r.corpus))].sort();
  return {
    all: summariseGeoparse(results.map((r) => r.gritta)),
    allOverlap: summariseGeoparse(results.map((r) => r.overlap)),
    byCorpus: corpora.map((corpus) => {
      const sub = results.filter((r) => r.corpus === corpus);
      return {
        corpus,
        gritta: summariseGeoparse(sub.map((r) => r.gritta)),
        overlap: summariseGeoparse(sub.map((r) => r.overlap)),
      };
    }),
  };
}
