// The streaming build CLI: the same bytes for 1 and 4 workers, with and without the cache; the cache rebuilds what a
// changed article, a removed article or a changed lexicon touches, and a corrupt entry is rebuilt, never trusted.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { encodeEntry, readEntry, type CacheEntry } from '../../scripts/lib/builder/cache.ts';
import { CLI as cli, LONG, TSX as tsx, copyLiteGeodata } from './cli-fixture.ts';

const FILES = ['incidents.geojson', 'risk.json', 'sources.json', 'report.json', 'unlocated.json', 'report.txt'];

const work = mkdtempSync(join(tmpdir(), 'sahel-cache-'));
const corpus = join(work, 'corpus');
const cache = join(work, 'cache');
let outs = 0;

/** The project's geodata without the village layers: these tests compare builds with each other, not places. */
const lite = join(work, 'geodata-lite');

function build(args: string[], inDir = corpus): { out: string; stdout: string } {
  const out = join(work, `out-${outs++}`);
  const geodata = args.includes('--geodata') ? [] : ['--geodata', lite];
  const r = spawnSync(tsx, [cli, '--quiet', '--in', inDir, '--out', out, ...geodata, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(r.status, r.stderr).toBe(0);
  return { out, stdout: r.stdout };
}

function expectSame(a: string, b: string): void {
  for (const f of FILES) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}

/** "N built on W worker(s), M from the cache" of the summary line. */
function how(stdout: string): { built: number; cached: number } {
  const m = /(\d+) built on \d+ worker\(s\), (\d+) from the cache/.exec(stdout);
  if (!m) throw new Error(`no build figures in: ${stdout}`);
  return { built: Number(m[1]), cached: Number(m[2]) };
}

const entries = (): string[] =>
  readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.entry'));

let reference: string;

beforeAll(() => {
  cpSync(join(ROOT, 'geodata/sources'), corpus, { recursive: true });
  copyLiteGeodata(lite);
  reference = build(['--no-cache', '--workers', '1']).out;
}, LONG);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build:data workers and cache', () => {
  it('4 workers write the same bytes as 1', () => {
    expectSame(build(['--no-cache', '--workers', '4']).out, reference);
  }, LONG);

  it('a cold and a warm cache write the same bytes as no cache', () => {
    const cold = build(['--cache', cache]);
    expect(how(cold.stdout)).toEqual({ built: 5, cached: 0 });
    expectSame(cold.out, reference);
    const warm = build(['--cache', cache]);
    expect(how(warm.stdout)).toEqual({ built: 0, cached: 5 });
    expectSame(warm.out, reference);
  }, LONG);

  it('a corrupt or truncated entry is rebuilt, not trusted', () => {
    build(['--cache', cache]);
    const [a, b] = entries().map((f) => join(cache, f));
    if (!a || !b) throw new Error('expected cache entries');
    const bytes = readFileSync(a);
    const at = bytes.length - 10;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x20, at); // one flipped bit in the body
    writeFileSync(a, bytes);
    writeFileSync(b, readFileSync(b).subarray(0, 100));
    const r = build(['--cache', cache]);
    expect(how(r.stdout)).toEqual({ built: 2, cached: 3 });
    expectSame(r.out, reference);
    expect(statSync(b).size).toBeGreaterThan(100); // stored again, whole
    expect(how(build(['--cache', cache]).stdout)).toEqual({ built: 0, cached: 5 });
  }, LONG);

  it('an entry of another layout, or whose claims are not packed, is rebuilt, not misread', () => {
    build(['--cache', cache]);
    const [a, b] = entries().map((f) => join(cache, f));
    if (!a || !b) throw new Error('expected cache entries');
    // The header says layout 3 (the claims were JSON then).
    const bytes = readFileSync(a);
    const nl = bytes.indexOf(10);
    const header = bytes.subarray(0, nl).toString('utf8');
    expect(header).toContain('"layout":4');
    writeFileSync(a, Buffer.concat([Buffer.from(header.replace('"layout":4', '"layout":3')), bytes.subarray(nl)]));
    // Layout 4 and whole (its SHA-256 checks out), but its claims JSON, as layout 3 stored them.
    const key = JSON.parse(readFileSync(b).subarray(0, readFileSync(b).indexOf(10)).toString('utf8')) as { key: string };
    const old = readEntry(cache, key.key);
    if (!old) throw new Error('expected a whole entry');
    const json = Buffer.from('{"id":"0000000a","sourceId":"x","start":0,"end":1}');
    writeFileSync(b, encodeEntry(key.key, { record: { ...old.record, claims: json }, frags: old.frags as CacheEntry['frags'] }));
    const r = build(['--cache', cache]);
    expect(how(r.stdout)).toEqual({ built: 2, cached: 3 });
    expectSame(r.out, reference);
    expect(how(build(['--cache', cache]).stdout)).toEqual({ built: 0, cached: 5 });
  }, LONG);

  it('a changed and a removed article: only the changed one is built, and nothing stale is written', () => {
    const changed = join(work, 'changed');
    cpSync(corpus, changed, { recursive: true });
    const articles = readdirSync(changed).filter((f) => f !== 'sources.json').sort();
    const [first, second] = articles;
    if (!first || !second) throw new Error('expected two articles');
    writeFileSync(
      join(changed, first),
      `${readFileSync(join(changed, first), 'utf8')}\nOn 3 May 2024 gunmen attacked Gao, killing 4 soldiers.\n`,
    );
    rmSync(join(changed, second));
    const r = build(['--cache', cache], changed);
    expect(how(r.stdout)).toEqual({ built: 1, cached: 3 });
    expectSame(r.out, build(['--no-cache'], changed).out);
    const sources = JSON.parse(readFileSync(join(r.out, 'sources.json'), 'utf8')) as { file: string }[];
    expect(sources.map((s) => s.file)).not.toContain(second);
  }, LONG);

  it('a changed lexicon file invalidates every entry', () => {
    const geodata = join(work, 'geodata');
    copyLiteGeodata(geodata);
    const lexicon = join(geodata, 'lexicon/non-locations.json');
    const json = JSON.parse(readFileSync(lexicon, 'utf8')) as { phrases: string[] };
    json.phrases.push('zzzz test phrase');
    writeFileSync(lexicon, JSON.stringify(json));
    const r = build(['--cache', cache, '--geodata', geodata]);
    expect(how(r.stdout)).toEqual({ built: 5, cached: 0 });
    expectSame(r.out, build(['--no-cache', '--geodata', geodata]).out);
  }, LONG);
});
