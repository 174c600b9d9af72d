// Geoparsing scores by the field's convention (Gritta et al., "What's missing in geographical parsing?", 2018):
// - gold = the toponyms that have coordinates (the others are dropped before matching);
// - a prediction matches a gold toponym when the span midpoints are fewer than 10 characters apart and the
//   lower-cased strings are equal; greedy, in document order, each gold toponym takes the first unused prediction;
// - recognition P/R/F1 from those matches; resolution over the matched pairs only: great-circle error with
//   R = 6371.009 km, a hit when the error is under 161 km.
import { haversineKm, median, prf, ratio } from './geo.ts';

export interface GoldToponym {
  start: number;
  end: number;
  surface: string;
  /** [lon, lat], or null when the corpus gives no coordinates (such toponyms are not gold). */
  point: [number, number] | null;
}

export interface PredictedToponym {
  /** Offsets in the same text as the gold offsets. */
  start: number;
  end: number;
  surface: string;
  /** [lon, lat] of the chosen gazetteer entry. */
  point: [number, number];
  placeId?: string;
}

export interface ToponymMatch {
  gold: GoldToponym;
  pred: PredictedToponym;
  km: number;
}

export interface DocMatch {
  tp: number;
  fp: number;
  fn: number;
  matches: ToponymMatch[];
  unmatchedGold: GoldToponym[];
  unmatchedPred: PredictedToponym[];
}

/** Largest midpoint distance (exclusive) for an inexact match; 0 would demand identical midpoints. */
export const MIDPOINT_TOLERANCE = 10;
/** acc@161km: an error under 161 km (100 miles) is a hit. */
export const ACC_KM = 161;

const byStart = <T extends { start: number; end: number }>(a: T, b: T): number =>
  a.start - b.start || a.end - b.end;

/** Greedy one-to-one matching in document order: each gold toponym takes the first unused prediction that fits. */
function matchGreedy(
  gold: readonly GoldToponym[],
  predicted: readonly PredictedToponym[],
  fits: (p: PredictedToponym, g: GoldToponym) => boolean,
): DocMatch {
  const golds = gold.filter((g) => g.point !== null).sort(byStart);
  const preds = [...predicted].sort(byStart);
  const used = new Uint8Array(preds.length);
  const matches: ToponymMatch[] = [];
  const unmatchedGold: GoldToponym[] = [];
  for (const g of golds) {
    const hit = preds.findIndex((p, i) => !used[i] && fits(p, g));
    const p = preds[hit];
    if (p === undefined || g.point === null) {
      unmatchedGold.push(g);
      continue;
    }
    used[hit] = 1;
    matches.push({ gold: g, pred: p, km: haversineKm(g.point, p.point) });
  }
  const unmatchedPred = preds.filter((_, i) => !used[i]);
  return {
    tp: matches.length,
    fp: unmatchedPred.length,
    fn: unmatchedGold.length,
    matches,
    unmatchedGold,
    unmatchedPred,
  };
}

/** Match one document's predictions to its gold toponyms (Gritta's inexact match). */
export function matchDoc(
  gold: readonly GoldToponym[],
  predicted: readonly PredictedToponym[],
  tolerance = MIDPOINT_TOLERANCE,
): DocMatch {
  return matchGreedy(
    gold,
    predicted,
    (p, g) =>
      Math.abs((p.start + p.end) / 2 - (g.start + g.end) / 2) < tolerance &&
      p.surface.toLowerCase() === g.surface.toLowerCase(),
  );
}

export interface GeoparseSummary {
  /** Gold toponyms (with coordinates). */
  n: number;
  docs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Over matched toponyms. */
  acc161: number | null;
  median_km: number | null;
  mean_km: number | null;
}

/** Sum per-document matches into corpus figures (micro-averaged, as the literature reports them). */
export function summariseGeoparse(docs: readonly DocMatch[]): GeoparseSummary {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const km: number[] = [];
  for (const d of docs) {
    tp += d.tp;
    fp += d.fp;
    fn += d.fn;
    for (const m of d.matches) km.push(m.km);
  }
  const hits = km.filter((k) => k < ACC_KM).length;
  return {
    n: tp + fn,
    docs: docs.length,
    tp,
    fp,
    fn,
    ...prf(tp, fp, fn),
    acc161: ratio(hits, km.length),
    median_km: median(km),
    mean_km: km.length === 0 ? null : km.reduce((s, k) => s + k, 0) / km.length,
  };
}

/** Overlap matching (any character overlap, one-to-one, document order): reported beside the convention, labelled. */
export function matchDocOverlap(
  gold: readonly GoldToponym[],
  predicted: readonly PredictedToponym[],
): DocMatch {
  return matchGreedy(gold, predicted, (p, g) => p.start < g.end && g.start < p.end);
}
