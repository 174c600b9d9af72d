// npm run eval -- --acled FILE.csv [--json] | --geoparse DOCS.jsonl TOPONYMS.csv [--json] [--anchors FILE]
// Thin CLI: reads the files, runs the pipeline on each document, hands the output to src/eval/ for scoring,
// prints a table (and, with --json, one JSON object as the last line). Progress goes to stderr.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_GEODATA, loadContext } from './lib/load.ts';
import { runArticles } from './lib/eval-articles.ts';
import { Progress, readText, UsageError } from './lib/eval-common.ts';
import { runGeoparse } from './lib/eval-geoparse.ts';
import { processDoc } from '../src/pipeline/index.ts';
import type { PipelineContext } from '../src/pipeline/context.ts';
import {
  acledRowToDoc,
  parseAcledCsv,
  scoreAcledRow,
  summariseAcled,
  type AcledGroup,
  type AcledRowScore,
  type DocOutput,
} from '../src/eval/acled.ts';
import { buildActorIndex } from '../src/eval/actors.ts';
import { formatTable, km, pct, round4 } from '../src/eval/table.ts';

const HELP = `Score the pipeline against public gold data (files are read only when given).

Usage:
  npm run eval -- --acled FILE.csv [--json] [--limit N] [--dump OUT.jsonl]
  npm run eval -- --geoparse DOCS.jsonl TOPONYMS.csv [--json] [--anchors anchor_numbers.csv] [--limit N]
  npm run eval -- --articles DIR [GOLD.jsonl] [--json] [--dump OUT.jsonl] [--not-incident FILE] [--points-in-regions]

  --acled FILE        ACLED-format CSV: each row's notes is read as an article published on event_date;
                      the main place (acc within 25/161 km, median km, per geo_precision and per
                      location_in_notes), actors (set P/R/F1), event type, fatalities and date are scored.
  --geoparse D T      JSONL documents + CSV toponyms: recognition P/R/F1 and acc@161km by Gritta et al.'s
                      convention (midpoints < 10 chars apart, same lower-cased string), per corpus.
  --articles DIR [G]  Real-news articles (+ sources.json) built as the build does, scored against gold.jsonl
                      (default DIR/gold.jsonl; realnews-gold-schema.md): recall of event places and of full
                      records, precision, duplicates, false pins. --not-incident FILE defaults to
                      not_incident_places.jsonl beside the gold; --points-in-regions lets a pin inside a
                      line's own gold region match it (for comparison).
  --anchors FILE      Published geoparser figures (anchor_numbers.csv) to print beside ours.
  --json              Print one JSON object as the last line:
                        ACLED    {n, acc25, acc161, median_km, actor_f1, event_type_acc, fatalities_exact, ...}
                        geoparse {n, precision, recall, f1, acc161, median_km, ...}   (fractions 0..1)
                        articles {n_gold_main, n_pred, recall_place, recall_full, precision, duplicates,
                                  false_pins, ...}   (duplicates and false_pins are counts)
  --limit N           Score only the first N rows / documents (quick runs).
  --dump FILE         Write one JSON line per scored row / document (ids and scores, no text) for analysis.
  --geodata DIR       Geodata folder (default: geodata/).
  -h, --help          This text.

See docs/evaluation.md for the scoring rules.`;

function runAcled(
  file: string,
  ctx: PipelineContext,
  limit: number,
  json: boolean,
  dump: string | null,
): void {
  const parsed = parseAcledCsv(readText(file));
  const rows = parsed.rows.slice(0, limit);
  const scoring = {
    place: (id: string) => ctx.gazetteer.get(id),
    actorIndex: buildActorIndex(ctx.lexicons.actors),
    placesNamed: (name: string) => ctx.gazetteer.byName(name),
  };
  const progress = new Progress('eval acled', rows.length);
  const scores: AcledRowScore[] = [];
  let failures = 0;
  let firstFailure = '';
  const t0 = performance.now();
  rows.forEach((row, i) => {
    let out: DocOutput;
    try {
      out = processDoc(acledRowToDoc(row), ctx);
    } catch (e) {
      failures++;
      if (firstFailure === '') firstFailure = `${row.event_id}: ${(e as Error).message}`;
      out = { claims: [], resolutions: [] };
    }
    scores.push(scoreAcledRow(row, out, scoring));
    progress.tick(i + 1);
  });
  const seconds = (performance.now() - t0) / 1000;
  const s = summariseAcled(scores);
  if (dump) writeFileSync(dump, scores.map((r) => JSON.stringify(r)).join('\n') + '\n');

  const group = (label: string, g: AcledGroup): string[] => [
    label,
    String(g.n),
    `${g.located} (${pct(g.n ? g.located / g.n : null)})`,
    pct(g.acc25),
    pct(g.acc161),
    km(g.median_km),
  ];
  const out: string[] = [];
  out.push(
    `ACLED: ${basename(file)}: ${rows.length} rows scored in ${seconds.toFixed(1)} s` +
      (parsed.problems.length ? `, ${parsed.problems.length} rows skipped (unreadable)` : ''),
  );
  if (failures)
    out.push(`pipeline errors: ${failures} rows (scored as empty output); first: ${firstFailure}`);
  out.push('');
  out.push(
    formatTable([
      ['place', 'rows', 'located', 'acc@25km', 'acc@161km', 'median km'],
      group('all rows', s),
      group('gold geo_precision 1', s.byPrecision['1']),
      group('gold geo_precision 2', s.byPrecision['2']),
      group('gold geo_precision 3', s.byPrecision['3']),
      group('gold place named in notes', s.byLocationInNotes.true),
      group('gold place not in notes', s.byLocationInNotes.false),
      ...(s.byLocationInNotes.unknown.n
        ? [group('location_in_notes unknown', s.byLocationInNotes.unknown)]
        : []),
    ]),
  );
  out.push('(acc: rows with no predicted place count as misses; median: over located rows only)');
  out.push('');
  out.push(
    formatTable([
      ['claim fields', 'all rows', `rows with a claim (${s.whenLocated.n})`],
      ['actors precision (set, micro)', pct(s.actor_precision), ''],
      ['actors recall (set, micro)', pct(s.actor_recall), ''],
      ['actors F1 (set, micro)', pct(s.actor_f1), pct(s.whenLocated.actor_f1)],
      ['event type accuracy', pct(s.event_type_acc), pct(s.whenLocated.event_type_acc)],
      ['fatalities exact', pct(s.fatalities_exact), pct(s.whenLocated.fatalities_exact)],
      ['gold date within predicted span', pct(s.date_acc), pct(s.whenLocated.date_acc)],
    ]),
  );
  out.push('');
  out.push(
    formatTable([
      ['place outcome', 'rows', 'share'],
      ...s.errorClasses.map(([c, n]) => [c, String(n), pct(n / Math.max(1, s.n))]),
    ]),
  );
  console.log(out.join('\n'));
  if (json) {
    console.log(
      JSON.stringify({
        n: s.n,
        acc25: round4(s.acc25),
        acc161: round4(s.acc161),
        median_km: round4(s.median_km),
        actor_f1: round4(s.actor_f1),
        event_type_acc: round4(s.event_type_acc),
        fatalities_exact: round4(s.fatalities_exact),
        located: s.located,
        date_acc: round4(s.date_acc),
        actor_precision: round4(s.actor_precision),
        actor_recall: round4(s.actor_recall),
        by_geo_precision: Object.fromEntries(
          Object.entries(s.byPrecision).map(([k, g]) => [k, jsonGroup(g)]),
        ),
        location_in_notes: {
          true: jsonGroup(s.byLocationInNotes.true),
          false: jsonGroup(s.byLocationInNotes.false),
        },
        when_located: {
          n: s.whenLocated.n,
          actor_f1: round4(s.whenLocated.actor_f1),
          event_type_acc: round4(s.whenLocated.event_type_acc),
          fatalities_exact: round4(s.whenLocated.fatalities_exact),
          date_acc: round4(s.whenLocated.date_acc),
        },
        pipeline_errors: failures,
      }),
    );
  }
}

const jsonGroup = (g: AcledGroup) => ({
  n: g.n,
  located: g.located,
  acc25: round4(g.acc25),
  acc161: round4(g.acc161),
  median_km: round4(g.median_km),
});

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      acled: { type: 'string' },
      geoparse: { type: 'string' },
      articles: { type: 'string' },
      'not-incident': { type: 'string' },
      'points-in-regions': { type: 'boolean', default: false },
      anchors: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      dump: { type: 'string' },
      geodata: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const modes = [values.acled, values.geoparse, values.articles].filter((v) => v !== undefined);
  if (modes.length !== 1)
    throw new UsageError('give exactly one of --acled FILE, --geoparse DOCS TOPONYMS or --articles DIR GOLD');
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0)) throw new UsageError('--limit must be a positive number');
  const ctx = loadContext(values.geodata ? { geodataDir: values.geodata } : undefined);
  if (values.articles !== undefined) {
    const [gold, ...rest] = positionals;
    if (rest.length) throw new UsageError('--articles takes a folder and at most one gold file');
    runArticles(
      {
        dir: values.articles,
        gold: gold ?? null,
        notIncident: values['not-incident'] ?? null,
        geodataDir: values.geodata ?? DEFAULT_GEODATA,
        json: values.json,
        dump: values.dump ?? null,
        pointsInRegions: values['points-in-regions'],
      },
      ctx,
    );
  } else if (values.acled !== undefined) {
    if (positionals.length) throw new UsageError(`unexpected argument(s): ${positionals.join(' ')}`);
    if (values.anchors)
      console.error('note: --anchors holds geoparsing figures only; nothing to compare for ACLED.');
    runAcled(values.acled, ctx, limit, values.json, values.dump ?? null);
  } else if (values.geoparse !== undefined) {
    const [toponyms, ...rest] = positionals;
    if (toponyms === undefined || rest.length)
      throw new UsageError('--geoparse takes two paths: DOCS.jsonl TOPONYMS.csv');
    runGeoparse(
      values.geoparse,
      toponyms,
      ctx,
      limit,
      values.json,
      values.anchors ?? null,
      values.dump ?? null,
    );
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`eval: ${(e as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
  } else throw e;
}
