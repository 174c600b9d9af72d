// npm run build:data -- [--in DIR] [--out DIR] [--geodata DIR] [--quiet]
// Reads a corpus folder, runs the pipeline, writes what the map reads. Thin: all logic is in src/pipeline.

import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../src/pipeline/build.ts';
import { OUTPUT_FILES } from '../src/pipeline/contract.ts';
import { escapeControls } from './lib/escape.ts';
import { DEFAULT_GEODATA, ROOT, loadContext, readCorpus, readRegions } from './lib/load.ts';
import { checkOutputDir, outVersusIn, writeOutputDir, type OutputFile } from './lib/output-dir.ts';
import { reportJson, reportText, type InputWarning } from './lib/report-text.ts';
import { readRegular } from './lib/safe-read.ts';

/** Geodata files copied into the output (regions, basemap) are read up to this size. */
const MAX_GEODATA_COPY_BYTES = 256 * 1024 * 1024;

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
  const fail = (why: string) => {
    console.error(`build:data: ${escapeControls(why)}`);
    return 1;
  };
  let inStat;
  try {
    inStat = statSync(inDir);
  } catch {
    return fail(`input folder ${inDir} does not exist`);
  }
  if (!inStat.isDirectory()) return fail(`--in ${inDir} is not a folder`);
  const clash = outVersusIn(outDir, inDir);
  if (clash) return fail(clash);
  const ours = new Set(Object.values(OUTPUT_FILES).map((f) => f.split('/')[0] as string));
  const refused = checkOutputDir(outDir, ours);
  if (refused) return fail(refused);
  const t0 = performance.now();
  const { docs, problems } = readCorpus(inDir);
  for (const p of problems)
    console.error(`skipped or warned: ${escapeControls(p.file)}: ${escapeControls(p.why)}`);
  if (docs.length === 0) return fail(`no readable article in ${inDir}; nothing built`);
  let ctx;
  try {
    ctx = loadContext({ geodataDir: geodata });
  } catch (e) {
    return fail(`cannot load the geodata folder ${geodata}: ${(e as Error).message}`);
  }
  for (const e of ctx.customErrors) console.error(`custom-places: ${escapeControls(e)}`);
  const warnings: InputWarning[] = ctx.customErrors.map((why) => ({ file: 'custom-places.json', why }));
  for (const p of problems) if (!p.skipped) warnings.push({ file: p.file, why: p.why });
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
  const skipped = problems.filter((p) => p.skipped).map(({ file, why }) => ({ file, why }));
  const result = buildCorpus(docs, ctx, { skipped, onProgress: progress });

  // Geodata the map needs beside the build's own files, read like any input (no link, regular files, bounded).
  const copies: OutputFile[] = [];
  for (const [name, from] of [
    [OUTPUT_FILES.regions, 'regions.geojson'],
    [OUTPUT_FILES.basemapLand, 'basemap/land.geojson'],
    [OUTPUT_FILES.basemapCountries, 'basemap/countries.geojson'],
    [OUTPUT_FILES.basemapLabels, 'basemap/labels.geojson'],
  ] as const) {
    const r = readRegular(geodata, from, MAX_GEODATA_COPY_BYTES, { rootName: 'the geodata folder' });
    // regions.geojson gains the admin-2 polygons (load.ts readRegions).
    if (r.ok && name === OUTPUT_FILES.regions)
      copies.push([name, () => `${JSON.stringify(readRegions(geodata, r.bytes.toString('utf8')))}\n`]);
    else if (r.ok) copies.push([name, () => r.bytes]);
    else {
      const why = `${r.missing ? 'missing' : `${r.why}; not copied`}: the map will lack ${name}`;
      console.error(`build:data: ${escapeControls(`${geodata}/${from}`)}: ${why}`);
      warnings.push({ file: from, why });
    }
  }
  const json = (data: unknown) => () => `${JSON.stringify(data)}\n`;
  const files: OutputFile[] = [
    [OUTPUT_FILES.incidents, json(result.incidents)],
    [OUTPUT_FILES.risk, json(result.risk)],
    [OUTPUT_FILES.sources, json(result.sources)],
    [OUTPUT_FILES.report, json(reportJson(result.report, warnings))],
    [OUTPUT_FILES.unlocated, json(result.report.unlocated)],
    [OUTPUT_FILES.summary, () => reportText(result.report, warnings)],
    ...copies,
  ];
  try {
    writeOutputDir(outDir, files, ours);
  } catch (e) {
    return fail(`nothing written, the previous output (if any) is as it was: ${(e as Error).message}`);
  }
  const c = result.report.counts;
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `built ${c.documents} documents (${(totalBytes / 1e6).toFixed(2)} MB) in ${secs.toFixed(2)} s: ${c.incidents} incidents ` +
      `(${c.incidents_point} points, ${c.incidents_region} region-level) from ${c.claims} claims; ` +
      `${c.events_unlocated} event sentences with no place; ${c.risk_rows} risk rows; ` +
      `${c.mentions} mentions (${c.mentions_resolved} resolved, ${c.mentions_rejected} rejected, ${c.mentions_ambiguous} ambiguous, ${c.mentions_unknown} unknown); ` +
      `${c.documents_skipped} files skipped${warnings.length ? `, ${warnings.length} input warnings` : ''} -> ${relative(process.cwd(), outDir) || '.'}/ (see report.txt)`,
  );
  return 0;
}

process.exitCode = main();
