// npm run bench:cli -- [--sizes 2000,20000] [--workers 1,0] [--root DIR] [--corpora DIR] [--no-incremental] [--no-full]
//                      [--corpus-only]
// The whole build CLI (npm run build:data) on seeded synthetic corpora written to disk: wall and CPU time, MB/s,
// docs/s and peak RSS (GNU time's maximum resident set size of the build's process tree) per corpus size and worker
// count, then an incremental rebuild after adding 10 documents to the largest corpus. Prints figures; asserts
// nothing. `--root` runs another checkout's CLI (an export of an earlier commit) on the same corpora, for before
// and after figures; options that checkout lacks (--workers, --cache) are left out. Figures on a shared machine
// are noisy: the load average is printed before each run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContext } from '../../scripts/lib/load.ts';
import type { RawDoc } from '../../src/pipeline/types.ts';
import { generateCorpus, type CorpusVocabulary } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = 20261201;
/** Documents per generator call: each chunk has its own seed, so a corpus of N is the first N of any larger one. */
const CHUNK = 1000;

const HELP = `Benchmark the build CLI on synthetic corpora (figures only, never a test).

Usage: npm run bench:cli -- [options]

  --sizes LIST     corpus sizes in documents                          [2000,20000]
  --workers LIST   worker counts to run (0 = every core)              [1,0]
  --root DIR       checkout whose scripts/build-data.ts runs          [this one]
  --corpora DIR    where the generated corpora are kept and reused    [$TMPDIR/sahel-bench-corpora]
  --no-incremental skip the rebuild after adding 10 documents to the largest corpus
  --no-full        only the incremental rebuild (its cache warm-up included)
  --corpus-only    write the corpora (or find them written) and print their folders; build nothing
  -h, --help       this text`;

interface Run {
  label: string;
  docs: number;
  bytes: number;
  wall: number;
  cpuS: number;
  rssMB: number;
  load: string;
  ok: boolean;
  tail: string;
}

function vocabulary(): CorpusVocabulary {
  const ctx = loadContext();
  const sahel = new Set(['ML', 'BF', 'NE', 'TD', 'MR']);
  const entries = ctx.gazetteer.entries;
  return {
    towns: entries
      .filter((e) => e.kind === 'place' && e.country !== null && sahel.has(e.country))
      .sort((a, b) => b.population - a.population)
      .slice(0, 400)
      .map((e) => e.name),
    regions: entries.filter((e) => e.kind === 'admin1' || e.kind === 'vernacular').map((e) => e.name),
    countries: entries.filter((e) => e.kind === 'country').map((e) => e.name),
    demonyms: ctx.patterns.flatMap((p) => (p.kind === 'demonym' ? [p.phrase] : [])),
    actors: [...ctx.lexicons.actors.flatMap((a) => [a.name, ...a.aliases.slice(0, 2)]), 'soldiers', 'police'],
  };
}

/** Documents `from`..`to` (exclusive) of the seeded corpus, generated chunk by chunk. */
function* documents(vocab: CorpusVocabulary, from: number, to: number, seed = SEED): Generator<RawDoc> {
  for (let c = Math.floor(from / CHUNK); c * CHUNK < to; c++) {
    const chunk = generateCorpus(vocab, { seed: seed + c, targetBytes: CHUNK * 12_000 }).slice(0, CHUNK);
    if (chunk.length < CHUNK) throw new Error('generator gave too few documents');
    for (let i = 0; i < CHUNK; i++) {
      const n = c * CHUNK + i;
      if (n >= from && n < to) yield { ...(chunk[i] as RawDoc), id: `syn_${String(n).padStart(7, '0')}` };
    }
  }
}

/** Writes the corpus once (a marker file says it is complete) and returns its folder and byte size. */
function corpus(vocab: () => CorpusVocabulary, dir: string, n: number): { dir: string; bytes: number } {
  const folder = join(dir, `corpus-${n}`);
  const marker = `${folder}.complete`; // beside it: a file inside would be reported as skipped
  if (!existsSync(marker)) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    let bytes = 0;
    for (const d of documents(vocab(), 0, n)) {
      writeFileSync(join(folder, `${d.id}.txt`), d.text);
      bytes += Buffer.byteLength(d.text);
    }
    writeFileSync(marker, String(bytes));
  }
  return { dir: folder, bytes: Number(readFileSync(marker, 'utf8')) };
}

function build(root: string, args: string[], label: string, docs: number, bytes: number): Run {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const tsx = join(root, 'node_modules/.bin/tsx');
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'MAXRSS_KB=%M CPU_S=%U+%S', tsx, join(root, 'scripts/build-data.ts'), '--quiet', ...args],
    { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const wall = (performance.now() - t0) / 1000;
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr ?? '')?.[1] ?? 0);
  // CPU time of the build's process tree (user + system, every thread): steadier than wall time under load.
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? '');
  const cpuS = cpu ? Number(cpu[1]) + Number(cpu[2]) : 0;
  const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-2).join(' | ').slice(0, 400);
  return { label, docs, bytes, wall, cpuS, rssMB: kb / 1024, load, ok: r.status === 0, tail };
}

function print(r: Run): void {
  const mb = r.bytes / 1e6;
  console.log(
    `${r.label.padEnd(34)} ${String(r.docs).padStart(7)} docs ${mb.toFixed(1).padStart(6)} MB  ` +
      `wall ${r.wall.toFixed(1).padStart(6)} s  CPU ${r.cpuS.toFixed(1).padStart(6)} s  ` +
      `${(mb / r.wall).toFixed(2).padStart(5)} MB/s  ` +
      `${(r.docs / r.wall).toFixed(0).padStart(5)} docs/s  peak RSS ${r.rssMB.toFixed(0).padStart(5)} MB  ` +
      `load ${r.load}${r.ok ? '' : `  FAILED: ${r.tail}`}`,
  );
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '2000,20000' },
      workers: { type: 'string', default: '1,0' },
      root: { type: 'string', default: ROOT },
      corpora: { type: 'string', default: join(tmpdir(), 'sahel-bench-corpora') },
      'no-incremental': { type: 'boolean', default: false },
      'no-full': { type: 'boolean', default: false },
      'corpus-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const sizes = values.sizes.split(',').map(Number);
  let vocab: CorpusVocabulary | undefined;
  const lazyVocab = () => (vocab ??= vocabulary());
  if (values['corpus-only']) {
    // For a build run by hand (under /usr/bin/time -v, with --timings) on the bench's own corpora.
    for (const n of sizes) {
      const c = corpus(lazyVocab, values.corpora, n);
      console.log(`${c.dir} ${n} docs ${(c.bytes / 1e6).toFixed(1)} MB`);
    }
    return;
  }
  const root = resolve(values.root);
  const help = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'scripts/build-data.ts'), '--help'],
    {
      encoding: 'utf8',
    },
  ).stdout;
  const hasWorkers = help.includes('--workers');
  const hasCache = help.includes('--no-cache');
  const workerCounts = hasWorkers ? values.workers.split(',').map(Number) : [1];
  const work = join(tmpdir(), `sahel-bench-out-${process.pid}`);
  const cacheDir = join(work, 'cache');
  console.log(
    `build:data of ${root} (${hasWorkers ? 'workers' : 'no --workers option: one thread'}, ` +
      `${hasCache ? 'cache off for full builds' : 'no cache'}); ${availableParallelism()} cores; ` +
      `noisy if the machine is shared (load averages 1/5/15 min at each run)`,
  );
  for (const n of values['no-full'] ? [] : sizes) {
    const c = corpus(lazyVocab, values.corpora, n);
    for (const w of workerCounts) {
      const args = ['--in', c.dir, '--out', join(work, 'out')];
      if (hasWorkers) args.push('--workers', String(w || availableParallelism()));
      if (hasCache) args.push('--no-cache');
      print(
        build(
          root,
          args,
          `full, ${hasWorkers ? `${w || availableParallelism()} worker(s)` : '1 thread'}`,
          n,
          c.bytes,
        ),
      );
    }
  }
  const largest = Math.max(...sizes);
  if (!values['no-incremental']) {
    // The largest corpus plus 10 new documents (another seed), in a copy so the kept corpus stays as it was.
    const c = corpus(lazyVocab, values.corpora, largest);
    const grown = join(work, 'grown');
    rmSync(grown, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    spawnSync('cp', ['-r', c.dir, grown]);
    const args = ['--in', grown, '--out', join(work, 'out')];
    if (hasCache) args.push('--cache', cacheDir);
    if (hasCache) print(build(root, args, 'cache warm-up (full, all cores)', largest, c.bytes));
    let added = 0;
    for (const d of documents(lazyVocab(), 0, 10, SEED + 777_000)) {
      writeFileSync(join(grown, `new_${d.id}.txt`), d.text);
      added += Buffer.byteLength(d.text);
    }
    const total = c.bytes + added;
    print(
      build(
        root,
        args,
        hasCache ? 'incremental, +10 docs' : '+10 docs (no cache: full)',
        largest + 10,
        total,
      ),
    );
    if (hasCache) print(build(root, args, 'no change, all cached', largest + 10, total));
  }
  rmSync(work, { recursive: true, force: true });
  console.log(
    `corpora kept in ${values.corpora} (${sizes.map((n) => `corpus-${n}`).join(', ')}); delete when done`,
  );
}

main();
