// Derive the village-level Sahel layers (geodata/gazetteer-sahel.json, osm-places-sahel.json, admin2.geojson)
// from raw GeoNames / Who's On First / OSM / OCHA files read by path. Usage: see --help.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  deriveSahel,
  readFrame,
  readSahelSources,
  writeAmbiguous,
  writeSahel,
} from './geodata/sahel-derive.ts';
import { compareStrings } from '../src/common/strings.ts';

const HELP = `derive-sahel-gazetteer: village-level gazetteer layers for Mali, Burkina Faso, Niger and their border zones.

Usage: npx tsx scripts/derive-sahel-gazetteer.ts --sources DIR [--out DIR]
       (or: npm run geodata:sahel -- --sources PATH/TO/gazetteer-sources)

Options:
  --sources DIR  folder with the raw files: geonames/{ML,BF,NE_2014,MR_2014,CI_2014,SN_2014,GN_2014}.txt,
                 geonames/admin{1CodesASCII,2Codes}.txt, wof/wof-<cc>.tsv, wof/wof-admin-polygons-<cc>.geojson,
                 osm/<country>.tsv, global_pcodes_adm_1_2.csv (files it lacks are reported and skipped)
  --out DIR      write into DIR instead of geodata/
  --geodata DIR  where gazetteer.json and regions.geojson (admin-1 ids and polygons) are read, default geodata/
  --help         show this help

Writes: gazetteer-sahel.json (GeoNames + WOF, CC BY 4.0), osm-places-sahel.json (OSM, ODbL 1.0),
        admin2.geojson (simplified admin-2 polygons), lexicon/ambiguous-names.json (names that are also words).
Deterministic: records sorted by id, 6 decimals.
The raw files never enter the repository; only what this script derives from them does.`;

function main(): void {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string' },
      out: { type: 'string', default: 'geodata' },
      geodata: { type: 'string', default: 'geodata' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.sources) {
    console.log(HELP);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const t0 = Date.now();
  const log = (s: string) => console.log(`[geodata:sahel ${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
  const srcDir = resolve(values.sources);
  log(`reading ${srcDir}`);
  const src = readSahelSources(srcDir);
  log(
    `${src.read.length} files: ${src.gn.length} GeoNames rows, ${src.wof.length} WOF records, ` +
      `${src.wofPolygons.length} WOF polygons, ${src.osm.length} OSM nodes, ${src.pcodes.length} p-codes`,
  );
  for (const f of src.missing) log(`warning: ${f} not found; skipped`);
  if (src.gn.length === 0 || src.wofPolygons.length === 0) {
    // A wrong --sources path must not overwrite the committed layers with empty ones.
    console.error(
      `derive-sahel-gazetteer: no GeoNames dump or WOF polygon file under ${srcDir}; nothing written`,
    );
    process.exitCode = 1;
    return;
  }
  log('admin-2 units, places, merge (GeoNames + WOF), OSM layer');
  const r = deriveSahel(src, readFrame(resolve(values.geodata)));
  for (const w of r.warnings) log(`warning: ${w}`);
  const s = r.stats;
  log(
    `GeoNames kept ${s.gnKept}; WOF localities kept ${s.wofKept}: ${s.wofByGnId} merged by GeoNames id, ` +
      `${s.wofByName} by name within the merge distance, ${s.wofOnly} WOF-only`,
  );
  log(`OSM kept ${s.osmKept}: ${s.osmByName} one place with a CC BY record, ${s.osmOnly} OSM-only`);
  log(`same-name records farther apart than the merge distance, kept apart: ${s.namesakesApart}`);
  log(`village sections given their plain name (sahel-sections.ts): ${s.sectionAliases}`);
  for (const [why, n] of Object.entries(s.dropped).sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])))
    log(`  dropped ${n}: ${why}`);
  log(`writing ${resolve(values.out)}`);
  writeSahel(resolve(values.out), r, log);
  const actors = JSON.parse(
    readFileSync(join(resolve(values.geodata), 'lexicon', 'actors.json'), 'utf8'),
  ) as {
    actors: { name: string; aliases: string[] }[];
  };
  writeAmbiguous(
    resolve(values.out),
    r,
    actors.actors.flatMap((a) => [a.name, ...a.aliases]),
    log,
  );
  const counts = new Map<string, number>();
  for (const p of [...r.admin2.map((u) => u.place), ...r.places]) {
    const k = `${p.country} ${p.type}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const line = [...counts].sort((a, b) => compareStrings(a[0], b[0])).map(([k, n]) => `${k} ${n}`);
  log(`done: ${r.places.length + r.admin2.length} CC BY records (${line.join(', ')}); ${r.osm.length} OSM`);
}

main();
