// npm run eval -- --acled FILE.csv [--json] | --geoparse DOCS.jsonl TOPONYMS.csv [--json] [--anchors FILE]
// Thin CLI: reads the files, runs the pipeline on each document, hands the output to src/eval/ for scoring,
// prints a table (and, with --json, one JSON object as the last line). Progress goes to stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_GEODATA, loadContext } from './lib/load.ts';
import { runArticles } from './lib/eval-articles.ts';
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
import {
  anchorsFor,
  parseAnchors,
  settingLabel,
  type Anchor,
  type AnchorMetric,
} from '../src/eval/anchors.ts';
import {
  docKey,
  geoparseDocToRaw,
  parseGeoparseCorpus,
  predictionsFrom,
  scoreGeoparseDoc,
  summariseGeoparseRun,
  type GeoparseDocResult,
} from '../src/eval/geoparse.ts';
import type { GeoparseSummary } from '../src/eval/gritta.ts';
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

class Progress {
  private last = 0;
  private readonly t0 = Date.now();
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}
  tick(done: number): void {
    const now = Date.now();
    if (now - this.last < 250 && done < this.total) return;
    this.last = now;
    const rate = done / Math.max(0.001, (now - this.t0) / 1000);
    const line = `${this.label}: ${done}/${this.total} (${((100 * done) / Math.max(1, this.total)).toFixed(1)}%), ${rate.toFixed(0)} docs/s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K${done >= this.total ? '\n' : ''}`);
    else if (done >= this.total || now - this.t0 > 0) process.stderr.write(`${line}\n`);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

class UsageError extends Error {}

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

function runGeoparse(
  docsFile: string,
  toponymsFile: string,
  ctx: PipelineContext,
  limit: number,
  json: boolean,
  anchorsFile: string | null,
  dump: string | null,
): void {
  const corpus = parseGeoparseCorpus(readText(docsFile), readText(toponymsFile));
  const docs = corpus.docs.slice(0, limit);
  const point = (id: string) => ctx.gazetteer.get(id)?.point;
  const progress = new Progress('eval geoparse', docs.length);
  const results: GeoparseDocResult[] = [];
  let failures = 0;
  let firstFailure = '';
  const t0 = performance.now();
  docs.forEach((doc, i) => {
    const gold = corpus.gold.get(docKey(doc.corpus, doc.doc_id)) ?? [];
    let preds: ReturnType<typeof predictionsFrom> = [];
    try {
      const r = processDoc(geoparseDocToRaw(doc), ctx);
      preds = predictionsFrom(doc.text, r.clean.offsets, r.resolutions, point);
    } catch (e) {
      failures++;
      if (firstFailure === '') firstFailure = `${doc.doc_id}: ${(e as Error).message}`;
    }
    results.push(scoreGeoparseDoc(doc.corpus, gold, preds));
    progress.tick(i + 1);
  });
  const seconds = (performance.now() - t0) / 1000;
  const report = summariseGeoparseRun(results);
  if (dump) {
    const lines = results.map((r, i) => {
      const d = docs[i];
      const g = r.gritta;
      return JSON.stringify({
        corpus: r.corpus,
        doc_id: d?.doc_id,
        tp: g.tp,
        fp: g.fp,
        fn: g.fn,
        missed: g.unmatchedGold.map((t) => t.surface),
        spurious: g.unmatchedPred.map((t) => `${t.surface}=${t.placeId ?? ''}`),
        far: g.matches
          .filter((m) => m.km >= 161)
          .map((m) => `${m.gold.surface}=${m.pred.placeId ?? ''}:${Math.round(m.km)}km`),
      });
    });
    writeFileSync(dump, lines.join('\n') + '\n');
  }

  const row = (label: string, match: string, s: GeoparseSummary): string[] => [
    label,
    match,
    String(s.n),
    String(s.docs),
    pct(s.precision),
    pct(s.recall),
    pct(s.f1),
    pct(s.acc161),
    km(s.median_km),
    km(s.mean_km),
  ];
  const out: string[] = [];
  out.push(
    `Geoparsing: ${basename(docsFile)} + ${basename(toponymsFile)}: ${docs.length} documents in ${seconds.toFixed(1)} s` +
      (corpus.problems.length
        ? `, ${corpus.problems.length} problems (first: ${corpus.problems[0]?.where}: ${corpus.problems[0]?.why})`
        : ''),
  );
  if (failures)
    out.push(`pipeline errors: ${failures} documents (scored as no predictions); first: ${firstFailure}`);
  out.push('');
  const table: string[][] = [
    ['corpus', 'matching', 'gold', 'docs', 'P', 'R', 'F1', 'acc@161km', 'median', 'mean'],
  ];
  for (const c of report.byCorpus) {
    table.push(row(c.corpus, 'Gritta', c.gritta));
    table.push(row(c.corpus, 'overlap', c.overlap));
  }
  if (report.byCorpus.length > 1) {
    table.push(row('all', 'Gritta', report.all));
    table.push(row('all', 'overlap', report.allOverlap));
  }
  out.push(formatTable(table));
  out.push(
    '(Gritta: midpoints < 10 chars apart and equal lower-cased strings, the published convention; overlap: any overlap,',
  );
  out.push(
    ' for reference only. acc@161km and distances over matched toponyms; gold = toponyms with coordinates.)',
  );

  if (anchorsFile) {
    const anchors = parseAnchors(readText(anchorsFile));
    const metrics: AnchorMetric[] = ['precision', 'recall', 'f1', 'acc161', 'median_km'];
    const cmp: string[][] = [['corpus', 'metric', 'ours', 'system', 'published', 'setting']];
    for (const c of report.byCorpus) {
      for (const m of metrics) {
        const found = anchorsFor(anchors, c.corpus, m);
        if (found.length === 0) continue;
        const ours = c.gritta[m];
        const fmt = (x: number | null): string => (m === 'median_km' ? km(x) : pct(x));
        const sorted = [...found].sort((a: Anchor, b: Anchor) =>
          m === 'median_km' ? a.value - b.value : b.value - a.value,
        );
        sorted.forEach((a, i) =>
          cmp.push([
            i === 0 ? c.corpus : '',
            i === 0 ? m : '',
            i === 0 ? fmt(ours) : '',
            a.system,
            fmt(a.value),
            settingLabel(a.setting),
          ]),
        );
      }
    }
    out.push('');
    out.push(
      cmp.length > 1
        ? `Published figures (${basename(anchorsFile)}) for the same corpus and metric:\n${formatTable(cmp)}`
        : `No published figures in ${basename(anchorsFile)} for these corpora.`,
    );
  }
  console.log(out.join('\n'));
  if (json) {
    const a = report.all;
    console.log(
      JSON.stringify({
        n: a.n,
        precision: round4(a.precision),
        recall: round4(a.recall),
        f1: round4(a.f1),
        acc161: round4(a.acc161),
        median_km: round4(a.median_km),
        docs: a.docs,
        mean_km: round4(a.mean_km),
        overlap_f1: round4(report.allOverlap.f1),
        by_corpus: Object.fromEntries(
          report.byCorpus.map((c) => [
            c.corpus,
            {
              n: c.gritta.n,
              precision: round4(c.gritta.precision),
              recall: round4(c.gritta.recall),
              f1: round4(c.gritta.f1),
              acc161: round4(c.gritta.acc161),
              median_km: round4(c.gritta.median_km),
            },
          ]),
        ),
        pipeline_errors: failures,
      }),
    );
  }
}

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
