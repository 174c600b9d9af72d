// The article-level evaluation as terminal tables and as the JSON line (fixed key order: the interface).

import type { ArticleScore } from './articles.ts';
import type { ArticleFigures } from './articles-summary.ts';
import { formatTable, pct, round4 } from './table.ts';

const n = (x: number): string => String(x);
const share = (k: number, d: number): string => pct(d ? k / d : null);

/** Per-article counts: main gold lines, found, incidents, correct or coarse, duplicates, false pins. */
function perArticle(s: ArticleScore): string[][] {
  const rows: string[][] = [['article', 'main', 'found', 'full', 'incidents', 'ok', 'dup', 'false pins']];
  for (const a of s.articles) {
    const main = s.gold.filter((g) => g.gold.sourceId === a && g.gold.tier === 'main');
    const inc = s.incidents.filter((r) => r.articles.includes(a));
    rows.push([
      a,
      n(main.length),
      n(main.filter((g) => g.recall).length),
      n(main.filter((g) => g.full).length),
      n(inc.length),
      n(inc.filter((r) => r.class === 'correct' || r.class === 'coarse').length),
      n(inc.filter((r) => r.class === 'duplicate').length),
      n(inc.filter((r) => r.class === 'false_pin').length),
    ]);
  }
  return rows;
}

export function articleTables(
  s: ArticleScore,
  f: ArticleFigures,
  opts: { perArticle?: boolean } = {},
): string {
  const out: string[] = [];
  const m = f.n_gold_main;
  out.push(
    formatTable([
      [`recall over ${m} main gold lines`, 'lines', 'share'],
      ['event place found (exact place match)', n(f.found), pct(f.recall_place)],
      ['full record (place, type, date, fatalities)', n(f.found_full), pct(f.recall_full)],
      [
        'not found, coarse admin-1 candidate',
        n(f.not_found.coarse_admin1),
        share(f.not_found.coarse_admin1, m),
      ],
      [
        'not found, coarse country/vernacular candidate',
        n(f.not_found.coarse_country),
        share(f.not_found.coarse_country, m),
      ],
      ['not found, no candidate', n(f.not_found.none), share(f.not_found.none, m)],
    ]),
  );
  const w = f.when_found;
  out.push('');
  out.push(
    formatTable([
      [`on the ${f.found} found lines`, 'share'],
      ['event type', pct(w.type)],
      ['sub-event type (gold has one)', pct(w.sub_event_type)],
      ['date agrees', pct(w.date)],
      ['fatalities (null as 0)', pct(w.fatalities)],
      ['modality', pct(w.modality)],
      ['actors, exact set', pct(w.actors_exact)],
      ['actors, any overlap', pct(w.actors_overlap)],
      [
        'actors P / R / F1 (micro)',
        `${pct(w.actor_precision)} / ${pct(w.actor_recall)} / ${pct(w.actor_f1)}`,
      ],
    ]),
  );
  const p = f.n_pred;
  out.push('');
  out.push(
    formatTable([
      [`${p} incidents (${f.n_pred_points} points)`, 'incidents', 'share'],
      ['correct (exact place match)', n(f.correct), share(f.correct, p)],
      ['coarse, admin-1', n(f.coarse_admin1), share(f.coarse_admin1, p)],
      ['coarse, country/vernacular', n(f.coarse_country), share(f.coarse_country, p)],
      ['duplicate (its gold events already shown)', n(f.duplicates), pct(f.duplicate_rate)],
      ['false pin', n(f.false_pins), pct(f.false_pin_rate)],
      ['  of which points (share of points)', n(f.false_pin_points), pct(f.false_pin_point_rate)],
      [
        '  a gold place matches, the date does not',
        n(f.false_pin_reasons.wrong_date),
        share(f.false_pin_reasons.wrong_date, p),
      ],
      [
        '  a polygon matches, the disorder type does not',
        n(f.false_pin_reasons.wrong_type),
        share(f.false_pin_reasons.wrong_type, p),
      ],
      [
        '  no gold place of its article matches',
        n(f.false_pin_reasons.no_place),
        share(f.false_pin_reasons.no_place, p),
      ],
      [
        '  place listed in not_incident_places',
        n(f.false_pins_in_not_incident_places),
        share(f.false_pins_in_not_incident_places, p),
      ],
      ['precision (correct + coarse)', n(f.correct + f.coarse), pct(f.precision)],
      ['precision, strict (correct)', n(f.correct), pct(f.precision_strict)],
    ]),
  );
  out.push(
    `fatalities on false pins: ${f.false_pin_fatalities} (${f.false_pin_fatalities_right_date} without the wrong-date ones); ` +
      `cross-article duplicates: ${f.cross_article_duplicates.events} events drawn as more than one incident ` +
      `(${f.cross_article_duplicates.extra_incidents} extra)`,
  );
  if (opts.perArticle !== false) {
    out.push('');
    out.push(formatTable(perArticle(s)));
  }
  return out.join('\n');
}

/** The JSON line: the seven interface keys first, then every other figure. */
export function articleJson(f: ArticleFigures): string {
  const r = (x: number | null) => round4(x);
  const w = f.when_found;
  return JSON.stringify({
    n_gold_main: f.n_gold_main,
    n_pred: f.n_pred,
    recall_place: r(f.recall_place),
    recall_full: r(f.recall_full),
    precision: r(f.precision),
    duplicates: f.duplicates,
    false_pins: f.false_pins,
    precision_strict: r(f.precision_strict),
    correct: f.correct,
    coarse: f.coarse,
    coarse_admin1: f.coarse_admin1,
    coarse_country: f.coarse_country,
    duplicate_rate: r(f.duplicate_rate),
    false_pin_rate: r(f.false_pin_rate),
    n_pred_points: f.n_pred_points,
    false_pin_points: f.false_pin_points,
    false_pin_point_rate: r(f.false_pin_point_rate),
    false_pin_fatalities: f.false_pin_fatalities,
    false_pin_fatalities_right_date: f.false_pin_fatalities_right_date,
    false_pin_reasons: f.false_pin_reasons,
    false_pins_in_not_incident_places: f.false_pins_in_not_incident_places,
    found: f.found,
    found_full: f.found_full,
    when_found: Object.fromEntries(Object.entries(w).map(([k, v]) => [k, r(v)])),
    not_found: f.not_found,
    cross_article_duplicates: f.cross_article_duplicates,
    n_gold: f.n_gold,
    n_articles: f.n_articles,
    ignored_other_articles: f.ignored_other_articles,
    speculative: f.speculative,
  });
}
