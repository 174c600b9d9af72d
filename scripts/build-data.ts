// npm run build:data -- [--in DIR] [--out DIR] [--geodata DIR] [--workers N] [--cache DIR | --no-cache] [--quiet]
// Reads a corpus folder, runs the pipeline on worker threads (scripts/lib/builder/), streams what the map reads into
// a temporary folder and moves it into place. Thin: the pipeline's logic is in src/pipeline.

import { readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OUTPUT_FILES } from '../src/pipeline/contract.ts';
import { buildOrder } from '../src/pipeline/build.ts';
import { docKeys } from './lib/builder/cache.ts';
import { codeFingerprint, geodataFingerprint } from './lib/builder/fingerprint.ts';
import { resignOutput } from './lib/builder/chunk-store.ts';
import {
  listOutput,
  outputKey,
  settledOutput,
  unchangedOutput,
  writeOutputMemo,
} from './lib/builder/output-memo.ts';
import { ContextError, Pool } from './lib/builder/pool.ts';
import { progressLine } from './lib/builder/progress.ts';
import { readScanMemo, writeScanMemo } from './lib/builder/scan-memo.ts';
import { streamBuild } from './lib/builder/stream-build.ts';
import { scanCorpus } from './lib/corpus.ts';
import { escapeControls } from './lib/escape.ts';
import { DEFAULT_GEODATA, ROOT, readRegions } from './lib/load.ts';
import {
  checkOutputDir,
  outVersusIn,
  stageOutputDir,
  writeStaged,
  type OutputFile,
} from './lib/output-dir.ts';
import type { InputWarning } from './lib/report-text.ts';
import { readRegular } from './lib/safe-read.ts';

/** Where per-document results are kept between builds (README "Build cache"). */
const DEFAULT_CACHE = join(ROOT, 'node_modules/.cache/sahel-build');

/** Geodata files copied into the output (regions, basemap) are read up to this size. */
const MAX_GEODATA_COPY_BYTES = 256 * 1024 * 1024;

const HELP = `Build the map's data from a folder of news articles.

Usage: npm run build:data -- [options]

  --in DIR        articles (.txt, .md, .html) and an optional sources.json   [geodata/sources]
  --out DIR       where the GeoJSON, risk rows, sources and report go         [public/data]
  --geodata DIR   gazetteer, regions, basemap and lexicons                    [geodata]
  --workers N     build documents on N worker threads; without it, one per core
                  (${availableParallelism()} here), fewer when few documents need building
  --cache DIR     keep each document's result here and reuse it while the article, the
                  geodata and the pipeline's code are unchanged  [node_modules/.cache/sahel-build]
  --no-cache      build every document, read and write no cache
  --quiet         no progress line (it is shown only on a terminal: documents/s and ETA)
  --timings       print each phase's wall time to stderr
  -h, --help      this text

Writes incidents.geojson, regions.geojson, risk.json, sources.json, report.json, report.txt and basemap/*.geojson.
The output is the same bytes whatever the number of workers and whether documents came from the cache; with the
cache, a build from the inputs the output folder was last built from, into that folder untouched since, leaves it
as it is.
Exits 1 only when nothing could be built (no readable article); skipped files are named in the report.
Delete the cache folder to clear it (rm -rf node_modules/.cache/sahel-build); stale entries are never used.`;

/** The line a build ends with. */
function summaryLine(
  c: Record<string, number>,
  warnings: number,
  totalChars: number,
  how: string,
  t0: number,
  outDir: string,
): string {
  const secs = (performance.now() - t0) / 1000;
  return (
    `built ${c.documents} documents (${(totalChars / 1e6).toFixed(2)} MB; ${how}) in ${secs.toFixed(2)} s: ${c.incidents} incidents ` +
    `(${c.incidents_point} points, ${c.incidents_region} region-level) from ${c.claims} claims; ` +
    `${c.events_unlocated} event sentences with no place; ${c.risk_rows} risk rows; ` +
    `${c.mentions} mentions (${c.mentions_resolved} resolved, ${c.mentions_rejected} rejected, ${c.mentions_ambiguous} ambiguous, ${c.mentions_unknown} unknown); ` +
    `${c.documents_skipped} files skipped${warnings ? `, ${warnings} input warnings` : ''} -> ${relative(process.cwd(), outDir) || '.'}/ (see report.txt)`
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      in: { type: 'string', default: join(ROOT, 'geodata/sources') },
      out: { type: 'string', default: join(ROOT, 'public/data') },
      geodata: { type: 'string', default: DEFAULT_GEODATA },
      workers: { type: 'string' },
      cache: { type: 'string', default: DEFAULT_CACHE },
      'no-cache': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
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
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256)
    return fail(`--workers ${values.workers}: give a whole number from 1 to 256`);
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
  let since = t0;
  const timed = (name: string, ms = performance.now() - since) => {
    if (values.timings) console.error(`timing: ${name} ${(ms / 1000).toFixed(2)} s`);
    since = performance.now();
  };
  const cache = values['no-cache'] ? null : resolve(values.cache);
  const code = codeFingerprint(ROOT);
  const geodataPrint = geodataFingerprint(geodata, inDir);
  timed('fingerprints');
  // The first worker starts now: it loads the modules and the context (seconds) while the corpus is scanned, and
  // the merge waits for it at the first document to build. The build closes it; so does the end, whatever it is.
  const early = new Pool(1, { geodata, corpus: inDir, cache, code, geodataPrint });
  try {
    return await afterScan();
  } finally {
    await early.close();
  }

  async function afterScan(): Promise<number> {
    const memo = cache === null ? undefined : readScanMemo(cache, inDir);
    const { entries, problems } = scanCorpus(inDir, memo);
    if (cache !== null && memo) writeScanMemo(cache, inDir, memo);
    timed('scan corpus');
    for (const p of problems)
      console.error(`skipped or warned: ${escapeControls(p.file)}: ${escapeControls(p.why)}`);
    if (entries.length === 0) return fail(`no readable article in ${inDir}; nothing built`);
    const warnings: InputWarning[] = [];
    for (const p of problems) if (!p.skipped) warnings.push({ file: p.file, why: p.why });
    const totalChars = entries.reduce((n, d) => n + d.chars, 0);
    const skipped = problems.filter((p) => p.skipped).map(({ file, why }) => ({ file, why }));

    let staged;
    let removed: Promise<void> | undefined; // the replaced folder's removal, after the commit
    try {
      staged = stageOutputDir(outDir, ours);
    } catch (e) {
      return fail(`nothing written, the previous output (if any) is as it was: ${(e as Error).message}`);
    }
    try {
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
      const progress = progressLine(values.quiet || !process.stderr.isTTY ? null : process.stderr);
      let result;
      let key: string | null = null;
      let customErrors: string[] = [];
      try {
        timed('output folder, geodata read');
        // Built from the same inputs as the output folder holds, untouched since: it is left as it is.
        key =
          cache === null
            ? null
            : outputKey({
                docKeys: docKeys(buildOrder(entries), code, geodataPrint),
                skipped,
                warnings,
                code,
                geodata: geodataPrint,
                cli: readFileSync(import.meta.filename),
                corpus: realpathSync(inDir),
              });
        const same = key === null ? null : unchangedOutput(cache as string, outDir, key);
        timed('output memo');
        if (same) {
          staged.abort();
          for (const e of same.customErrors) console.error(`custom-places: ${escapeControls(e)}`);
          const how = `0 built on 0 worker(s), ${entries.length} from the cache; the output folder already held this build`;
          console.log(summaryLine(same.counts, same.warnings, totalChars, how, t0, outDir));
          return 0;
        }
        result = await streamBuild({
          pool: early,
          corpus: inDir,
          geodata,
          outDir: staged.dir,
          target: outDir,
          entries,
          skipped,
          warnings,
          workers,
          exactWorkers: values.workers !== undefined,
          cache,
          code,
          geodataPrint,
          onStart: progress.start,
          onCustomErrors: (errors) => {
            customErrors = errors;
            for (const e of errors) console.error(`custom-places: ${escapeControls(e)}`);
          },
          onProgress: progress.update,
          onPhase: (name, ms) => timed(name, ms),
        });
      } catch (e) {
        staged.abort();
        if (e instanceof ContextError) return fail(`cannot load the geodata folder ${geodata}: ${e.message}`);
        throw e;
      }
      writeStaged(staged, copies); // the map layer (map/) was written by the grouping worker
      timed('geodata copies');
      // A document that failed to build (an unreadable file) may build next time: no memo then.
      let files =
        key !== null && result.built + result.cached === entries.length ? listOutput(staged.dir) : null;
      // The replaced folder is removed on libuv's threads while the memos are written (its files with another name,
      // the map chunks linked into the new folder, are unlinked first, before the commit returns).
      removed = staged.commitThenRemove();
      // Map chunks linked from the folder just replaced had their ctime moved by those unlinks: the memo and the chunk
      // store record the files as they are now, when they are still the ones written (a parallel build's are not).
      if (files !== null) files = settledOutput(files, listOutput(outDir));
      if (cache !== null) resignOutput(cache, outDir);
      if (key !== null && files !== null)
        writeOutputMemo(cache as string, outDir, {
          key,
          files,
          summary: { counts: result.counts, customErrors, warnings: result.warnings.length },
        });
      const how = `${result.built} built on ${result.workers} worker(s), ${result.cached} from the cache`;
      timed('commit, memos');
      await removed;
      timed('replaced folder removed (waited for)');
      console.log(summaryLine(result.counts, result.warnings.length, totalChars, how, t0, outDir));
      return 0;
    } catch (e) {
      staged.abort();
      await removed;
      return fail(`nothing written, the previous output (if any) is as it was: ${(e as Error).message}`);
    }
  }
}

process.exitCode = await main();
