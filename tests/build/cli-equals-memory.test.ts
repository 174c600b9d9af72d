// The streaming CLI (worker threads, fragments appended to files) writes exactly what the in-memory build
// (buildCorpus, then JSON.stringify of each output) gives, on a corpus with skipped files, input warnings, HTML,
// dropped text, a table, a long line whose mentions hit the report's caps and a country-level "also" claim.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { loadContext, readCorpus, ROOT } from '../../scripts/lib/load.ts';
import { reportJson, reportText, type InputWarning } from '../../scripts/lib/report-text.ts';
import { buildCorpus } from '../../src/pipeline/build.ts';
import { mapChunks } from '../../src/pipeline/output-chunks.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-stream-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('the CLI writes the bytes of the in-memory build', () => {
  const corpus = join(work, 'corpus');
  cpSync(join(ROOT, 'geodata/sources'), corpus, { recursive: true });
  writeFileSync(join(corpus, 'empty.txt'), '  \n');
  writeFileSync(join(corpus, 'latin1.txt'), Buffer.from('Des soldats tu\xe9s \xe0 Gao le 2 mai 2024.', 'latin1'));
  writeFileSync(
    join(corpus, 'page.html'),
    '<html><body><h1>Attack</h1><p>Gunmen attacked Mopti on 4 May 2024, killing 3.</p>' +
      '<p>Related content</p><table><tr><td>Region</td><td>Risk</td></tr><tr><td>Mopti</td><td>High</td></tr>' +
      '</table></body></html>',
  );
  // A country-level claim that is "also" another event stays apart from the article's finer incident: grouping
  // reads its sentence (a CLI that handed the grouping worker no text merged it).
  writeFileSync(
    join(corpus, 'also.txt'),
    'Gunmen attacked an army post in Gao on 4 May 2024, killing 12 soldiers. ' +
      'Also on Friday, unidentified armed men attacked a UN convoy in Mali.\n',
  );
  // A town claim that is "another" attack is not the event the article's country-level toll restates: grouping
  // reads every claim's sentence (a CLI that read only the region- and country-level ones kept the toll apart).
  writeFileSync(
    join(corpus, 'another.txt'),
    'Gunmen attacked the army post in Djibo on 4 May 2024, killing 5 soldiers. In another attack, gunmen killed ' +
      '3 civilians in Arbinda on 4 May 2024. Attacks in Burkina Faso left 8 people dead on 4 May 2024.\n',
  );
  writeFileSync(join(corpus, 'long.txt'), `Gunmen attacked Gao on Sunday. ${'Gao Timbuktu '.repeat(2_000)}.\n`);
  const out = join(work, 'out');
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/build-data.ts'), '--quiet', '--no-cache', '--workers', '2', '--in', corpus, '--out', out],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(r.status, r.stderr).toBe(0);

  const ctx = loadContext();
  const { docs, problems } = readCorpus(corpus);
  const skipped = problems.filter((p) => p.skipped).map(({ file, why }) => ({ file, why }));
  const warnings: InputWarning[] = [
    ...ctx.customErrors.map((why) => ({ file: 'custom-places.json', why })),
    ...problems.filter((p) => !p.skipped).map(({ file, why }) => ({ file, why })),
  ];
  expect(warnings.length).toBeGreaterThan(0);
  const mem = buildCorpus(docs, ctx, { skipped });
  expect(mem.report.counts.mentions_unlisted).toBeGreaterThan(0);
  // The toll joins Djibo's incident; Arbinda's "another attack" stays its own.
  const another = mem.incidents.features.filter((f) => f.properties.claims[0]?.source_id === 'another');
  expect(another.map((f) => f.properties.claims.length).sort()).toEqual([1, 2]);
  const json = (x: unknown) => `${JSON.stringify(x)}\n`;
  const expected: Record<string, string> = {
    'incidents.geojson': json(mem.incidents),
    'risk.json': json(mem.risk),
    'sources.json': json(mem.sources),
    'report.json': json(reportJson(mem.report, warnings)),
    'unlocated.json': json(mem.report.unlocated),
    'report.txt': reportText(mem.report, warnings),
  };
  for (const [file, text] of Object.entries(expected))
    expect(readFileSync(join(out, file), 'utf8') === text, file).toBe(true);
  // The map layer, written by the grouping worker from the features it writes (not read back): the in-memory
  // writer's bytes (its chunks cut where the ids say, as the build cuts them), each with a gzip sibling of the
  // same bytes.
  const layer = mapChunks(mem.incidents.features, mem.sources, { gzip: true, contentCut: true });
  expect(layer.size).toBeGreaterThan(4);
  for (const [file, data] of layer) {
    const bytes = readFileSync(join(out, file));
    expect(bytes.equals(Buffer.from(data)), file).toBe(true);
    expect(gunzipSync(readFileSync(join(out, `${file}.gz`))).equals(bytes), `${file}.gz`).toBe(true);
  }
}, 120_000);
