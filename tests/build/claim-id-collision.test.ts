// Claim ids are 32-bit hashes: among a 20k corpus's million claims some hundred pairs share one. The grouping
// worker keeps the sentence of region- and country-level claims and restores the others' from an index when it
// writes: a town claim sharing a kept claim's id must still get its own sentence back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { hashId } from '../../src/pipeline/text.ts';
import { ctx, run } from '../pipeline/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-collide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const COUNTRY = 'On 4 May 2024, gunmen attacked soldiers in Burkina Faso, killing 3.';
const TOWN = 'On 4 May 2024, gunmen attacked soldiers in Djibo, killing 5.';

it('a town claim whose id is a kept claim\'s keeps its own sentence', () => {
  const [country] = run(COUNTRY, null).claims;
  const [town] = run(TOWN, null).claims;
  if (!country || !town) throw new Error('expected one claim in each sentence');
  expect(ctx.gazetteer.get(country.placeId)?.kind).toBe('country');
  expect(ctx.gazetteer.get(town.placeId)?.kind).toBe('place');
  // Two file names whose claims' ids collide (birthday search; the source id is the file name).
  const seen = new Map<string, string>();
  let pair: [string, string] | null = null;
  for (let i = 0; !pair && i < 400_000; i++) {
    seen.set(hashId(`a${i}`, country.start, country.end, country.placeId), `a${i}`);
    const b = `b${i}`;
    const other = seen.get(hashId(b, town.start, town.end, town.placeId));
    if (other) pair = [other, b];
  }
  expect(pair).not.toBeNull();
  const [a, b] = pair as [string, string];
  const corpus = join(work, 'corpus');
  spawnSync('mkdir', ['-p', corpus]);
  writeFileSync(join(corpus, `${a}.txt`), `${COUNTRY}\n`);
  writeFileSync(join(corpus, `${b}.txt`), `${TOWN}\n`);
  const out = join(work, 'out');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), '--quiet', '--no-cache', '--workers', '1'].concat([
      '--in',
      corpus,
      '--out',
      out,
    ]),
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(r.status, r.stderr).toBe(0);
  const fc = JSON.parse(readFileSync(join(out, 'incidents.geojson'), 'utf8')) as {
    features: { properties: { claims: { id: string; source_id: string; sentence: string }[] } }[];
  };
  const claims = fc.features.flatMap((f) => f.properties.claims);
  expect(new Set(claims.map((c) => c.id)).size).toBe(1); // the two claims do share an id
  expect(claims.map((c) => [c.source_id, c.sentence]).sort()).toEqual([
    [a, COUNTRY],
    [b, TOWN],
  ]);
}, 180_000);
