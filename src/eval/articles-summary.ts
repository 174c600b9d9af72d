// Figures of an article-level score (the JSON interface and the table's numbers), and one dump row per
// predicted and per gold incident with its match and why (ids, names, scores; no article text).

import type { ArticleScore, IncidentResult, Pair, ScoredIncident } from './articles.ts';
import { ratio } from './geo.ts';

export interface ArticleFigures {
  n_gold_main: number;
  n_pred: number;
  recall_place: number | null;
  recall_full: number | null;
  precision: number | null;
  duplicates: number;
  false_pins: number;
  precision_strict: number | null;
  correct: number;
  coarse: number;
  coarse_admin1: number;
  coarse_country: number;
  duplicate_rate: number | null;
  false_pin_rate: number | null;
  n_pred_points: number;
  false_pin_points: number;
  false_pin_point_rate: number | null;
  false_pin_fatalities: number;
  false_pin_fatalities_right_date: number;
  false_pin_reasons: { wrong_date: number; wrong_type: number; no_place: number };
  false_pins_in_not_incident_places: number;
  found: number;
  found_full: number;
  when_found: {
    type: number | null;
    sub_event_type: number | null;
    date: number | null;
    fatalities: number | null;
    modality: number | null;
    actors_exact: number | null;
    actors_overlap: number | null;
    actor_precision: number | null;
    actor_recall: number | null;
    actor_f1: number | null;
  };
  not_found: { coarse_admin1: number; coarse_country: number; none: number };
  cross_article_duplicates: { events: number; extra_incidents: number };
  n_gold: { main: number; background: number; displacement: number };
  n_articles: number;
  ignored_other_articles: number;
  speculative: number;
}

export function summariseArticles(s: ArticleScore, incidents: readonly ScoredIncident[]): ArticleFigures {
  const inc = s.incidents;
  const count = (f: (r: IncidentResult) => boolean) => inc.filter(f).length;
  const isPoint = (r: IncidentResult) => r.place?.kind === 'point';
  const fatal = (r: IncidentResult) => incidents[r.index]?.properties.fatalities ?? 0;
  const correct = count((r) => r.class === 'correct');
  const coarse = count((r) => r.class === 'coarse');
  const duplicates = count((r) => r.class === 'duplicate');
  const falsePins = inc.filter((r) => r.class === 'false_pin');
  const main = s.gold.filter((g) => g.gold.tier === 'main');
  const found = main.filter((g) => g.recall !== null).map((g) => g.recall as Pair);
  const share = (f: (p: Pair) => boolean | null) => {
    const xs = found.map(f).filter((x): x is boolean => x !== null);
    return ratio(xs.filter(Boolean).length, xs.length);
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of found) {
    tp += p.attrs.actors.tp;
    fp += p.attrs.actors.fp;
    fn += p.attrs.actors.fn;
  }
  const ap = ratio(tp, tp + fp);
  const ar = ratio(tp, tp + fn);
  const events = new Map<string, Set<number>>();
  for (const g of s.gold) {
    if (g.gold.event === null || g.takenBy === null) continue;
    const set = events.get(g.gold.event) ?? new Set<number>();
    set.add(g.takenBy);
    events.set(g.gold.event, set);
  }
  const split = [...events.values()].filter((x) => x.size > 1);
  const tiers = (t: string) => s.gold.filter((g) => g.gold.tier === t).length;
  const points = count(isPoint);
  const falsePoints = falsePins.filter(isPoint).length;
  return {
    n_gold_main: main.length,
    n_pred: inc.length,
    recall_place: ratio(found.length, main.length),
    recall_full: ratio(main.filter((g) => g.full).length, main.length),
    precision: ratio(correct + coarse, inc.length),
    duplicates,
    false_pins: falsePins.length,
    precision_strict: ratio(correct, inc.length),
    correct,
    coarse,
    coarse_admin1: count((r) => r.class === 'coarse' && r.pair?.match.kind === 'coarse-admin1'),
    coarse_country: count((r) => r.class === 'coarse' && r.pair?.match.kind === 'coarse-country'),
    duplicate_rate: ratio(duplicates, inc.length),
    false_pin_rate: ratio(falsePins.length, inc.length),
    n_pred_points: points,
    false_pin_points: falsePoints,
    false_pin_point_rate: ratio(falsePoints, points),
    false_pin_fatalities: falsePins.reduce((n, r) => n + fatal(r), 0),
    false_pin_fatalities_right_date: falsePins
      .filter((r) => r.falsePinReason !== 'wrong_date')
      .reduce((n, r) => n + fatal(r), 0),
    false_pin_reasons: {
      wrong_date: falsePins.filter((r) => r.falsePinReason === 'wrong_date').length,
      wrong_type: falsePins.filter((r) => r.falsePinReason === 'wrong_type').length,
      no_place: falsePins.filter((r) => r.falsePinReason === 'no_place').length,
    },
    false_pins_in_not_incident_places: falsePins.filter((r) => r.inNotIncidentPlaces).length,
    found: found.length,
    found_full: main.filter((g) => g.full).length,
    when_found: {
      type: share((p) => p.attrs.type),
      sub_event_type: share((p) => p.attrs.subType),
      date: share((p) => p.attrs.dateAgrees),
      fatalities: share((p) => p.attrs.fatalities),
      modality: share((p) => p.attrs.modality),
      actors_exact: share((p) => p.attrs.actors.exact),
      actors_overlap: share((p) => p.attrs.actors.overlap),
      actor_precision: ap,
      actor_recall: ar,
      actor_f1: ap === null || ar === null ? null : ap + ar === 0 ? 0 : (2 * ap * ar) / (ap + ar),
    },
    not_found: {
      coarse_admin1: main.filter((g) => g.outcome === 'coarse-admin1').length,
      coarse_country: main.filter((g) => g.outcome === 'coarse-country').length,
      none: main.filter((g) => g.outcome === 'none').length,
    },
    cross_article_duplicates: {
      events: split.length,
      extra_incidents: split.reduce((n, x) => n + x.size - 1, 0),
    },
    n_gold: { main: main.length, background: tiers('background'), displacement: tiers('displacement') },
    n_articles: s.articles.length,
    ignored_other_articles: s.outOfScope.length,
    speculative: s.speculative.length,
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

const pairJson = (p: Pair) => ({
  gid: p.gold.gid,
  match: p.match.kind,
  km: r1(p.match.km),
  place_index: p.match.placeIndex,
  type: p.attrs.type,
  sub_event_type: p.attrs.subType,
  date: p.attrs.dateAgrees,
  fatalities: p.attrs.fatalities,
  actors_exact: p.attrs.actors.exact,
});

/** One line per scored incident and per gold line: ids, names, matches and why. No article text. */
export function dumpRows(s: ArticleScore, incidents: readonly ScoredIncident[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const r of s.incidents) {
    const p = (incidents[r.index] as ScoredIncident).properties;
    const best = r.pair ?? r.candidates[0] ?? null;
    rows.push({
      kind: 'pred',
      id: p.id,
      articles: r.articles,
      place_id: p.place_id,
      place_name: p.place_name,
      unlocated_names: [...new Set(p.claims.map((c) => c.unlocated_name).filter((n) => n))],
      where: r.place?.kind === 'point' ? 'point' : r.place ? r.place.region.id : null,
      geo_precision: p.geo_precision,
      event_type: p.event_type,
      sub_event_type: p.sub_event_type,
      modality: p.modality,
      fatalities: p.fatalities,
      dates: [...new Set(p.claims.map((c) => `${c.date_start ?? ''}..${c.date_end ?? ''}`))],
      claims: p.claims.map((c) => c.id),
      class: r.class,
      why:
        r.class === 'false_pin'
          ? r.falsePinReason
          : r.class === 'duplicate'
            ? `every candidate taken: ${r.candidates.map((c) => c.gold.gid).join(', ')}`
            : `${r.pair?.match.kind} match of ${r.pair?.gold.gid}`,
      matched: best ? pairJson(best) : null,
      candidates: r.candidates.map((c) => `${c.gold.gid}:${c.match.kind}`),
      in_not_incident_places: r.inNotIncidentPlaces,
    });
  }
  for (const g of s.gold) {
    const l = g.gold;
    rows.push({
      kind: 'gold',
      gid: l.gid,
      file: l.file,
      tier: l.tier,
      place: l.place,
      event_type: l.eventType,
      date: l.date,
      fatalities: l.fatalities,
      outcome: g.outcome,
      full: g.full,
      recall_incident: g.recall ? (incidents[g.recall.inc]?.properties.id ?? null) : null,
      recall_match: g.recall ? pairJson(g.recall) : null,
      pred_fatalities: g.recall?.attrs.predFatalities ?? null,
      pred_dates: g.recall?.attrs.predDates ?? null,
      precision_incident: g.takenBy === null ? null : (incidents[g.takenBy]?.properties.id ?? null),
    });
  }
  return rows;
}
