// Published geoparser figures (anchor_numbers.csv: source, source_location, system, corpus, setting, metric, value,
// unit, n_toponyms, note) put beside ours for the same corpus and metric.
import Papa from 'papaparse';

export interface Anchor {
  system: string;
  corpus: string;
  setting: string;
  /** Our metric name: precision, recall, f1, acc161, median_km. */
  metric: AnchorMetric;
  /** Fractions 0..1 for rates, km for distances. */
  value: number;
  source: string;
}

export type AnchorMetric = 'precision' | 'recall' | 'f1' | 'acc161' | 'median_km';

const METRICS: Record<string, AnchorMetric> = {
  precision: 'precision',
  recall: 'recall',
  f1: 'f1',
  'acc@161km': 'acc161',
  median_error_km: 'median_km',
};

/** Parse the anchors file, keeping the metrics we also compute, with rates normalised to fractions. */
export function parseAnchors(csv: string): Anchor[] {
  const parsed = Papa.parse<Record<string, string | undefined>>(csv, { header: true, skipEmptyLines: true });
  const out: Anchor[] = [];
  for (const r of parsed.data) {
    const metric = METRICS[(r.metric ?? '').trim().toLowerCase()];
    const raw = Number((r.value ?? '').replace(/[%\s]/g, ''));
    if (metric === undefined || !Number.isFinite(raw) || (r.value ?? '').trim() === '') continue;
    const unit = (r.unit ?? '').trim();
    const value = metric === 'median_km' ? raw : unit === '%' || raw > 1 ? raw / 100 : raw;
    out.push({
      system: (r.system ?? '').trim(),
      corpus: (r.corpus ?? '').trim(),
      setting: (r.setting ?? '').trim(),
      metric,
      value,
      source: (r.source ?? '').trim(),
    });
  }
  return out;
}

/** Anchors for one corpus and metric (corpus names compared case-insensitively). */
export function anchorsFor(anchors: readonly Anchor[], corpus: string, metric: AnchorMetric): Anchor[] {
  const c = corpus.toLowerCase();
  return anchors.filter((a) => a.corpus.toLowerCase() === c && a.metric === metric);
}

/** A short label for a setting, to tell end-to-end figures from resolution-only ones. */
export function settingLabel(setting: string): string {
  const s = setting.toLowerCase();
  if (s.includes('gold toponyms given') || s.includes('resolution only'))
    return 'resolution only (gold spans)';
  if (s.includes('eupeg')) return 'end-to-end (EUPEG)';
  if (s.includes('each system recognised')) return 'end-to-end, own NER (Gritta 2018)';
  if (s.includes('inexact match')) return 'geotagging, inexact match';
  return setting.length > 40 ? `${setting.slice(0, 37)}...` : setting;
}
