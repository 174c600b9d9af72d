import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnchors, anchorsFor, settingLabel } from '../../src/eval/anchors.ts';
import {
  docKey,
  geoparseDocToRaw,
  parseGeoparseCorpus,
  predictionsFrom,
  scoreGeoparseDoc,
  summariseGeoparseRun,
} from '../../src/eval/geoparse.ts';

const read = (f: string): string => readFileSync(new URL(`../fixtures/eval/${f}`, import.meta.url), 'utf8');
const corpus = parseGeoparseCorpus(read('geoparse_tiny_docs.jsonl'), read('geoparse_tiny_toponyms.csv'));

describe('parseGeoparseCorpus', () => {
  it('reads documents and toponyms, keeping toponyms without coordinates as non-gold', () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.docs.map((d) => d.doc_id)).toEqual(['FN-1', 'FN-2', 'FV-1']);
    const fn1 = corpus.gold.get(docKey('FixNews', 'FN-1'))!;
    expect(fn1).toHaveLength(6);
    expect(fn1.filter((t) => t.point === null).map((t) => t.surface)).toEqual(['Niger']);
    const doc = corpus.docs[0]!;
    for (const t of fn1) expect(doc.text.slice(t.start, t.end)).toBe(t.surface);
    expect(geoparseDocToRaw(doc)).toMatchObject({ id: 'FN-1', text: doc.text, meta: { published: null } });
  });
});

describe('predictionsFrom', () => {
  it('maps cleaned offsets back to the original text and skips rejected or unresolved mentions', () => {
    const original = '<b>Gao</b> and Mali';
    // Cleaned text "Gao and Mali": cleaned i -> original offsets.
    const cleaned = 'Gao and Mali';
    const offsets = Int32Array.from([3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(offsets.length).toBe(cleaned.length + 1);
    const m = (start: number, end: number, rejected: 'metonymy' | null = null) => ({
      start,
      end,
      surface: cleaned.slice(start, end),
      sentence: 0,
      candidates: [],
      via: 'name' as const,
      rejected,
      standsFor: null,
    });
    const preds = predictionsFrom(
      original,
      offsets,
      [
        { placeId: 'gn:gao', status: 'resolved', mention: m(0, 3) },
        { placeId: 'country:ML', status: 'resolved', mention: m(8, 12) },
        { placeId: null, status: 'unknown', mention: m(4, 7) },
        { placeId: 'country:ML', status: 'rejected', mention: m(8, 12, 'metonymy') },
      ],
      (id) => (id === 'gn:gao' ? [0, 16] : [-2, 17]),
    );
    expect(preds.map((p) => [p.start, p.end, p.surface])).toEqual([
      [3, 6, 'Gao'],
      [15, 19, 'Mali'],
    ]);
  });
});

describe('summariseGeoparseRun', () => {
  it('scores by the convention, per corpus and overall', () => {
    const results = corpus.docs.map((d) => {
      const gold = corpus.gold.get(docKey(d.corpus, d.doc_id)) ?? [];
      // A fake system: predicts every gold span with coordinates at the gold point, except it misses "Segou",
      // puts "Dakar" in Paris and adds a spurious "Monday".
      const preds = gold
        .filter((g) => g.point !== null && g.surface !== 'Segou')
        .map((g) => ({
          start: g.start,
          end: g.end,
          surface: g.surface,
          point: g.surface === 'Dakar' ? ([2.35, 48.86] as [number, number]) : g.point!,
        }));
      if (d.doc_id === 'FN-1') preds.push({ start: 31, end: 37, surface: 'Monday', point: [0, 0] });
      return scoreGeoparseDoc(d.corpus, gold, preds);
    });
    const r = summariseGeoparseRun(results);
    expect(r.all).toMatchObject({ n: 12, tp: 11, fp: 1, fn: 1, docs: 3 });
    expect(r.all.acc161).toBeCloseTo(10 / 11);
    expect(r.all.median_km).toBe(0);
    expect(r.byCorpus.map((c) => [c.corpus, c.gritta.n])).toEqual([
      ['FixNews', 9],
      ['FixVirus', 3],
    ]);
  });
});

describe('anchors', () => {
  const anchors = parseAnchors(read('anchors_tiny.csv'));
  it('keeps comparable metrics and normalises percentages', () => {
    expect(anchors.map((a) => a.metric)).toEqual(['precision', 'acc161', 'median_km', 'acc161', 'f1']);
    expect(anchorsFor(anchors, 'fixnews', 'acc161').map((a) => [a.system, a.value])).toEqual([
      ['ParserA', 0.7],
      ['ParserB', 0.85],
    ]);
    expect(anchorsFor(anchors, 'FixNews', 'median_km')[0]?.value).toBe(12.5);
    expect(settingLabel(anchors[3]!.setting)).toBe('resolution only (gold spans)');
  });
});
