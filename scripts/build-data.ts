// npm run build:data -- [--in DIR] [--out DIR] [--geodata DIR] [--quiet]
// Reads a corpus folder, runs the pipeline, writes what the map reads. Thin: all logic is in src/pipeline.

import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../src/pipeline/build.ts';
import { summarize } from '../src/pipeline/report.ts';
import { OUTPUT_FILES } from '../src/pipeline/contract.ts';
import { DEFAULT_GEODATA, ROOT, loadContext, readCorpus } from './lib/load.ts';

const HELP = `Build the map's data from a folder of news articles.

Usage: npm run build:data -- [options]

  --in DIR        articles (.txt, .md, .html) and an optional sources.json   [geodata/sources]
  --out DIR       where the GeoJSON, risk rows, sources and report go         [public/data]
  --geodata DIR   gazetteer, regions, basemap and lexicons                    [geodata]
  --quiet         no progress line
  -h, --help      this text

Writes incidents.geojson, regions.geojson, risk.json, sources.json, report.json, report.txt and basemap/*.geojson.
Exits 1 only when nothing could be built (no readable article); skipped files are named in the report.`;

function main(): number {
  const { values } = parseArgs({
    options: {
      in: { type: 'string', default: join(ROOT, 'geodata/sources') },
      out: { type: 'string', default: join(ROOT, 'public/data') },
      geodata: { type: 'string', default: DEFAULT_GEODATA },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const inDir = resolve(values.in);
  const outDir = resolve(values.out);
  const geodata = resolve(values.geodata);
  if (!existsSync(inDir)) {
    console.error(`build:data: input folder ${inDir} does not exist`);
    return 1;
  }
  const t0 = performance.now();
  const ctx = loadContext({ geodataDir: geodata });
  for (const e of ctx.customErrors) console.error(`custom-places: ${e}`);
  const { docs, problems } = readCorpus(inDir);
  for (const p of problems) console.error(`skipped or warned: ${p.file}: ${p.why}`);
  if (docs.length === 0) {
    console.error(`build:data: no readable article in ${inDir}; nothing built`);
    return 1;
  }
  const totalBytes = docs.reduce((n, d) => n + d.text.length, 0);
  let lastPrint = 0;
  const progress = (done: number, total: number) => {
    if (values.quiet || !process.stderr.isTTY) return;
    const now = performance.now();
    if (now - lastPrint < 200 && done < total) return;
    lastPrint = now;
    process.stderr.write(`\rbuilding: ${done}/${total} documents (${Math.round((100 * done) / total)}%)`);
    if (done === total) process.stderr.write('\n');
  };
  const skipped = problems.filter((p) => /skipped/.test(p.why));
  const result = buildCorpus(docs, ctx, { skipped, onProgress: progress });

  mkdirSync(join(outDir, 'basemap'), { recursive: true });
  const write = (name: string, data: unknown) =>
    writeFileSync(join(outDir, name), `${JSON.stringify(data)}\n`);
  write(OUTPUT_FILES.incidents, result.incidents);
  write(OUTPUT_FILES.risk, result.risk);
  write(OUTPUT_FILES.sources, result.sources);
  write(OUTPUT_FILES.report, result.report);
  write(OUTPUT_FILES.unlocated, result.report.unlocated);
  writeFileSync(join(outDir, OUTPUT_FILES.summary), summarize(result.report));
  for (const [name, from] of [
    [OUTPUT_FILES.regions, 'regions.geojson'],
    [OUTPUT_FILES.basemapLand, 'basemap/land.geojson'],
    [OUTPUT_FILES.basemapCountries, 'basemap/countries.geojson'],
    [OUTPUT_FILES.basemapLabels, 'basemap/labels.geojson'],
  ] as const) {
    const src = join(geodata, from);
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    if (existsSync(src)) copyFileSync(src, join(outDir, name));
    else console.error(`build:data: ${src} missing; the map will lack ${name}`);
  }
  const c = result.report.counts;
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `built ${c.documents} documents (${(totalBytes / 1e6).toFixed(2)} MB) in ${secs.toFixed(2)} s: ${c.incidents} incidents ` +
      `(${c.incidents_point} points, ${c.incidents_region} region-level) from ${c.claims} claims; ` +
      `${c.events_unlocated} event sentences with no place; ${c.risk_rows} risk rows; ` +
      `${c.mentions} mentions (${c.mentions_resolved} resolved, ${c.mentions_rejected} rejected, ${c.mentions_ambiguous} ambiguous, ${c.mentions_unknown} unknown); ` +
      `${c.documents_skipped} files skipped -> ${relative(process.cwd(), outDir) || '.'}/ (see report.txt)`,
  );
  return 0;
}

process.exitCode = main();
