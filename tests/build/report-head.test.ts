// report.json's mentions are written as documents merge, after the room its head (the documents list) takes when
// every document builds; when one fails to build after the scan, its record is longer and the mentions are moved
// after the real head: the file is still JSON.stringify's bytes, with the other documents' mentions as they are.
// report.txt's sections likewise go after the room the last build's head took (a guess kept in the cache): a right,
// wrong, damaged or missing guess gives the same bytes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { streamBuild } from '../../scripts/lib/builder/stream-build.ts';
import { scanCorpus } from '../../scripts/lib/corpus.ts';
import { buildOrder } from '../../src/pipeline/build.ts';
import type { BuildReport } from '../../src/pipeline/contract.ts';
import { LONG, seed, workspace } from './cli-fixture.ts';

const ws = workspace('sahel-report-head-');
afterAll(() => rmSync(ws.work, { recursive: true, force: true }));

async function report(name: string): Promise<{ bytes: string; json: BuildReport }> {
  const outDir = join(ws.work, name);
  mkdirSync(outDir);
  const { entries } = scanCorpus(ws.corpus);
  return report2(outDir, entries);
}

async function report2(
  outDir: string,
  entries: ReturnType<typeof scanCorpus>['entries'],
  cache: string | null = null,
): Promise<{ bytes: string; json: BuildReport }> {
  await streamBuild({
    corpus: ws.corpus,
    geodata: ws.lite,
    outDir,
    entries,
    skipped: [],
    warnings: [],
    workers: 1,
    exactWorkers: true,
    cache,
    code: 'test',
    geodataPrint: 'test',
  });
  const bytes = readFileSync(join(outDir, 'report.json'), 'utf8');
  return { bytes, json: JSON.parse(bytes) as BuildReport };
}

it('an article that fails to build after the scan: its record in the head, the mentions moved after it', async () => {
  seed(ws);
  const { entries } = scanCorpus(ws.corpus);
  const victim = buildOrder(entries)[1];
  if (!victim) throw new Error('expected two articles');
  writeFileSync(join(ws.corpus, victim.file), ''); // emptied after the scan: skipped by its worker
  const failedDir = join(ws.work, 'failed');
  mkdirSync(failedDir);
  const failed = await report2(failedDir, entries);
  expect(`${JSON.stringify(failed.json)}\n`).toBe(failed.bytes);
  const rec = failed.json.documents.find((d) => d.id === victim.id);
  expect(rec?.status).toBe('skipped');
  expect(rec?.why).toMatch(/changed during the build/);

  rmSync(join(ws.corpus, victim.file));
  const without = await report('without');
  expect(`${JSON.stringify(without.json)}\n`).toBe(without.bytes);
  expect(without.json.mentions.length).toBeGreaterThan(0);
  for (const k of ['mentions', 'dropped', 'unlocated'] as const) expect(failed.json[k]).toEqual(without.json[k]);
  expect(failed.json.documents.filter((d) => d.id !== victim.id)).toEqual(without.json.documents);
}, LONG);

it('report.txt is the same bytes whatever the room its sections were written after', async () => {
  const cache = join(ws.work, 'cache');
  const { entries } = scanCorpus(ws.corpus);
  const txt = async (name: string, withCache: boolean) => {
    const outDir = join(ws.work, name);
    mkdirSync(outDir);
    await report2(outDir, entries, withCache ? cache : null);
    return readFileSync(join(outDir, 'report.txt'));
  };
  const reference = await txt('txt-no-cache', false);
  expect(reference.toString()).toMatch(/^Sahel incident map: build report\n\n\d+ documents built/);
  const room = join(cache, 'report-head.json');
  expect(existsSync(room)).toBe(false);
  expect((await txt('txt-first', true)).equals(reference)).toBe(true); // no guess yet: moved after the head
  const right = JSON.parse(readFileSync(room, 'utf8')) as { bytes: number };
  expect(reference.indexOf('\n\n== ')).toBe(right.bytes); // the head, up to the first section
  expect((await txt('txt-right', true)).equals(reference)).toBe(true);
  for (const bad of [
    JSON.stringify({ bytes: right.bytes - 1 }),
    JSON.stringify({ bytes: right.bytes + 7 }),
    JSON.stringify({ bytes: -3 }),
    '{"bytes":',
  ]) {
    writeFileSync(room, bad);
    expect((await txt(`txt-${Math.random().toString(36).slice(2)}`, true)).equals(reference), bad).toBe(true);
  }
}, LONG);
