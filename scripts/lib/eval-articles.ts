// npm run eval -- --articles DIR [GOLD.jsonl]: builds the articles of DIR as the build does (readCorpus +
// buildCorpus) and scores the incidents against the real-news gold (src/eval/articles*.ts). File access only here.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildCorpus } from '../../src/pipeline/build.ts';
import { buildActorIndex } from '../../src/eval/actors.ts';
import { scoreArticles } from '../../src/eval/articles.ts';
import { buildRegionIndex, type RegionFeatureLike } from '../../src/eval/articles-geo.ts';
import { parseGoldJsonl, parseNotIncidentPlaces } from '../../src/eval/articles-gold.ts';
import { dumpRows, summariseArticles } from '../../src/eval/articles-summary.ts';
import { articleJson, articleTables } from '../../src/eval/articles-table.ts';
import { readCorpus, readRegions } from './load.ts';

export interface ArticleRunOptions {
  dir: string;
  /** Default: DIR/gold.jsonl. */
  gold: string | null;
  /** Default: not_incident_places.jsonl beside the gold, when it exists. */
  notIncident: string | null;
  geodataDir: string;
  json: boolean;
  dump: string | null;
  pointsInRegions: boolean;
}

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
};

/** The pipeline context the build takes (gazetteer, lexicons). */
type PipelineContext = Parameters<typeof buildCorpus>[1];

export function runArticles(o: ArticleRunOptions, ctx: PipelineContext): void {
  const goldPath = o.gold ?? join(o.dir, 'gold.jsonl');
  const gold = parseGoldJsonl(read(goldPath));
  const nipPath = o.notIncident ?? join(dirname(goldPath), 'not_incident_places.jsonl');
  const nip =
    o.notIncident !== null || existsSync(nipPath)
      ? parseNotIncidentPlaces(read(nipPath))
      : { byArticle: new Map<string, string[]>(), problems: [] };
  // The regions the build writes, admin-2 polygons included.
  const regionsFc = readRegions(o.geodataDir, read(join(o.geodataDir, 'regions.geojson'))) as {
    features: RegionFeatureLike[];
  };
  const regions = buildRegionIndex(regionsFc.features);

  const t0 = performance.now();
  // The gold and metadata files sit beside the articles: they are not articles, and not worth a warning.
  const { docs, problems } = readCorpus(o.dir);
  const skipped = problems.filter((p) => /skipped/.test(p.why) && !/^not an article/.test(p.why));
  const built = buildCorpus(docs, ctx, { skipped });
  const incidents = built.incidents.features;
  const score = scoreArticles({
    gold: gold.lines,
    notIncidentPlaces: nip.byArticle,
    incidents,
    regions,
    actorIndex: buildActorIndex(ctx.lexicons.actors),
    options: { pointsInRegions: o.pointsInRegions },
  });
  const figures = summariseArticles(score, incidents);
  const seconds = (performance.now() - t0) / 1000;

  const missing = score.articles.filter((a) => !docs.some((d) => d.id === a));
  const out: string[] = [];
  out.push(
    `Articles: ${basename(o.dir)}: ${docs.length} articles built in ${seconds.toFixed(1)} s; ` +
      `${score.articles.length} scored against ${basename(goldPath)} ` +
      `(${figures.n_gold.main} main, ${figures.n_gold.background} background, ${figures.n_gold.displacement} displacement lines); ` +
      `${figures.n_pred} incidents scored, ${figures.ignored_other_articles} from other files only and ` +
      `${figures.speculative} speculative left out`,
  );
  for (const p of [...gold.problems, ...nip.problems].slice(0, 5))
    out.push(`gold problem: line ${p.line}: ${p.why}`);
  for (const p of skipped) out.push(`skipped: ${p.file}: ${p.why}`);
  if (missing.length)
    out.push(`gold names ${missing.length} article(s) not in ${o.dir}: ${missing.join(', ')}`);
  if (o.pointsInRegions) out.push("--points-in-regions: a point inside a line's own gold region matches it");
  out.push('');
  out.push(articleTables(score, figures));
  console.log(out.join('\n'));
  if (o.dump) {
    const rows = dumpRows(score, incidents).map((r) => JSON.stringify(r));
    writeFileSync(o.dump, `${rows.join('\n')}\n`);
  }
  if (o.json) console.log(articleJson(figures));
}
