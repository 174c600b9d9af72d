// The output memo (scripts/lib/builder/output-memo.ts): a build from the inputs the output folder was built from,
// into that folder untouched since, leaves it as it is; any changed input or output file builds again. Every file
// of the folder (map/ and its gzip siblings included) is compared byte for byte with a fresh single-worker build.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { CLI as cli, LONG, TSX as tsx, expectSameFolder, seed, workspace } from './cli-fixture.ts';

const ws = workspace('sahel-memo-');
const { work, corpus, cache, out, lite } = ws;

function build(args: string[], to = out): string {
  const r = spawnSync(tsx, [cli, '--quiet', '--in', corpus, '--out', to, '--geodata', lite, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const reused = (stdout: string) => stdout.includes('the output folder already held this build');

/** A fresh, single-worker, uncached build of the corpus as it is now. */
const fresh = (name: string): string => {
  const to = join(work, name);
  build(['--no-cache', '--workers', '1'], to);
  return to;
};

beforeAll(() => seed(ws));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('output memo', () => {
  it('the same inputs into the untouched folder leave it as it is; a touched file builds again', () => {
    const reference = fresh('ref');
    expect(reused(build(['--cache', cache, '--workers', '2']))).toBe(false);
    expectSameFolder(out, reference);
    const again = build(['--cache', cache]);
    expect(reused(again)).toBe(true);
    expect(again).toMatch(/0 built on 0 worker\(s\), 5 from the cache/);
    expectSameFolder(out, reference);
    // An output file written to (same bytes even): its identity changed, so the folder is built again.
    const report = join(out, 'report.txt');
    writeFileSync(report, readFileSync(report));
    expect(reused(build(['--cache', cache]))).toBe(false);
    expectSameFolder(out, reference);
    // A file added to the folder: a build would remove it.
    writeFileSync(join(out, 'map', 'extra.json'), '{}');
    expect(reused(build(['--cache', cache]))).toBe(false);
    expectSameFolder(out, reference);
    expect(reused(build(['--cache', cache]))).toBe(true);
  }, LONG);

  it('an added, changed or removed article builds again', () => {
    build(['--cache', cache]);
    const added = join(corpus, 'added.txt');
    writeFileSync(added, 'Gunmen attacked Gao on 3 May 2024, killing 4 soldiers.\n');
    expect(reused(build(['--cache', cache]))).toBe(false);
    expectSameFolder(out, fresh('ref-added'));
    writeFileSync(added, 'Troops withdrew from Kidal on 4 May 2024.\n');
    expect(reused(build(['--cache', cache, '--workers', '2']))).toBe(false);
    expectSameFolder(out, fresh('ref-changed'));
    rmSync(added);
    expect(reused(build(['--cache', cache]))).toBe(false);
    expectSameFolder(out, fresh('ref-removed'));
    expect(reused(build(['--cache', cache]))).toBe(true);
  }, LONG);

  it('another output folder, or a changed lexicon, builds again', () => {
    build(['--cache', cache]);
    const other = join(work, 'other');
    expect(reused(build(['--cache', cache], other))).toBe(false);
    expect(reused(build(['--cache', cache], other))).toBe(true);
    const lexicon = join(lite, 'lexicon/non-locations.json');
    const json = JSON.parse(readFileSync(lexicon, 'utf8')) as { phrases: string[] };
    json.phrases.push('zzzz test phrase');
    writeFileSync(lexicon, JSON.stringify(json));
    expect(reused(build(['--cache', cache]))).toBe(false);
    expectSameFolder(out, fresh('ref-lexicon'));
  }, LONG);
});
