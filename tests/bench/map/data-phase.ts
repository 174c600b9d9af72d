// The first load's data phase in Node, step by step, on a build's output folder: what the browser does between
// the last response and the first frame with the data (parse, check, index, the first derived rows), each timed
// on its own. Prints figures; asserts nothing. The browser's own figures are first-load.ts's.
// Run: npx tsx tests/bench/map/data-phase.ts --data DIR [--runs 3]

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { OUTPUT_FILES } from '../../../src/pipeline/contract.ts';
import type { MapManifest2, MapDicts } from '../../../src/pipeline/output-chunks.ts';
import { MAP_COLUMNS_FILE, MAP_DICTS_FILE } from '../../../src/pipeline/output-chunks.ts';
import { checkData } from '../../../src/app/lib/integrity.ts';
import { prepare, type RawData } from '../../../src/app/lib/data.ts';
import { emptyFilters, filterMask } from '../../../src/app/lib/filters.ts';
import { regionStats } from '../../../src/app/lib/regions.ts';
import {
  facetCounts,
  incidentList,
  regionOverlaps,
  regionRows,
  riskRows,
  tableRows,
} from '../../../src/app/lib/rows.ts';
import { aggregate } from '../../../src/app/lib/aggregate.ts';
import { buildStacks } from '../../../src/app/lib/stacks.ts';
import { OnDemand } from '../../../src/app/lib/on-demand.ts';
import { columnIndex } from '../../../src/app/lib/columns.ts';
import { buildRegionIndex } from '../../../src/app/lib/regions.ts';
import { distinctPoints } from '../../../src/app/lib/points.ts';
import type { IncidentIndex } from '../../../src/app/lib/model.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
if (!values.data) throw new Error('--data DIR: a build:data output folder');
const dir = values.data;
const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');

function step<T>(times: Map<string, number[]>, name: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  times.set(name, [...(times.get(name) ?? []), ms]);
  return out;
}

const times = new Map<string, number[]>();
for (let run = 0; run < Number(values.runs); run++) {
  const t = (name: string, f: () => unknown) => step(times, name, f);
  const m = t('parse manifest', () => JSON.parse(read(OUTPUT_FILES.mapManifest))) as MapManifest2;
  const gz = readFileSync(join(dir, `${MAP_COLUMNS_FILE}.gz`));
  const bin = t('inflate incidents.bin', () => {
    const b = gunzipSync(gz);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }) as ArrayBuffer;
  const dicts = t('parse incidents.json', () => JSON.parse(read(MAP_DICTS_FILE))) as MapDicts;
  const regions = t('parse regions', () => JSON.parse(read(OUTPUT_FILES.regions))) as RawData['regions'];
  const risk = t('parse risk', () => JSON.parse(read(OUTPUT_FILES.risk))) as RawData['risk'];
  const sources = t('parse sources', () => {
    const s = JSON.parse(read(OUTPUT_FILES.mapSources)) as { text?: string }[];
    for (const x of s) x.text = '';
    return s;
  }) as RawData['sources'];
  const unlocated = t('parse unlocated', () =>
    JSON.parse(read(OUTPUT_FILES.unlocated)),
  ) as RawData['unlocated'];
  const raw: RawData = {
    incidents: { type: 'FeatureCollection', features: [] },
    columns: { manifest: m, bin, dicts },
    regions,
    risk,
    sources,
    unlocated,
    more: new OnDemand(null),
  };
  const checked = t('checkData', () => checkData(raw)) as ReturnType<typeof checkData>;
  const cd = checked.data;
  const titles = new Map(cd.sources.map((s) => [s.id, s.title ?? s.id]));
  const ix = t('  columnIndex', () => columnIndex(cd.columns!, titles, cd.columns!.drop)) as IncidentIndex;
  t('  distinctPoints', () => distinctPoints(ix));
  t('  buildRegionIndex', () => buildRegionIndex(cd.regions, ix));
  const d = t('prepare', () => prepare(checked.data)) as ReturnType<typeof prepare>;
  const f = emptyFilters();
  const mask = new Uint8Array(d.ix.n);
  t('filterMask', () => filterMask(d.ix, f, mask));
  t('facetCounts', () => facetCounts(d.ix, mask));
  const rk = t('riskRows', () => riskRows(d.risk, f)) as ReturnType<typeof riskRows>;
  const st = t('regionStats', () => regionStats(d.ix, d.rx, mask, rk)) as ReturnType<typeof regionStats>;
  const rr = t('regionRows', () => regionRows(d.rx, st, rk)) as ReturnType<typeof regionRows>;
  t('regionOverlaps', () => regionOverlaps(d.rx, mask, rr));
  t('tableRows', () => tableRows(rr, d.rx, null, { key: 'incidents', desc: true }));
  t('incidentList', () => incidentList(d.ix, d.rx, mask, null));
  t('aggregate z4', () => aggregate(d.ix, mask, 4, d.flat));
  t('buildStacks', () => buildStacks(d.ix));
  if (run === 0)
    console.log(`${d.ix.n} incidents, ${d.pointCount} points, ${d.regions.features.length} regions`);
}
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; ms per run:`,
);
for (const [k, v] of times)
  console.log(`  ${k.padEnd(24)} ${v.map((x) => x.toFixed(0).padStart(6)).join(' ')}`);
