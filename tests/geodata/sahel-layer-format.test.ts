// The row format of the Sahel layer files (geodata/gazetteer-sahel.json, osm-places-sahel.json): what the
// derivation writes, the loader reads back unchanged, and a file in another shape stops with a reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  layerJson,
  readLayerFile,
  type OsmRecord,
  type SahelRecord,
} from '../../scripts/geodata/sahel-format.ts';
import { layerRecords, LAYER_COLUMNS, OSM_LAYER_COLUMNS } from '../../src/pipeline/gazetteer-sahel.ts';

const header = { license: 'CC BY 4.0', attribution: 'invented', mergeKm: 4, zoneKm: 100 };

const village: SahelRecord = {
  id: 'gn:9000001',
  ids: ['gn:9000001', 'wof:1'],
  name: 'Tongo Tongo',
  alt: ['Tongo-Tongo', 'Tongotongo'],
  keys: ['tongotongo'],
  type: 'village',
  fcode: 'PPL',
  population: null,
  country: 'NE',
  admin1: ['admin1:NE-8', 'Tillabéri'],
  admin2: ['admin2:wof-2', 'Ouallam'],
  point: [1.234567, 14.5],
};
const unit: SahelRecord = {
  id: 'admin2:ML0504',
  ids: ['admin2:ML0504', 'pcode:ML0504'],
  name: 'Douentza',
  alt: [],
  keys: ['douentza'],
  type: 'admin2',
  fcode: 'ADM2',
  population: 12000,
  country: 'ML',
  admin1: null,
  admin2: null,
  point: [-2.95, 15],
};
const node: OsmRecord = {
  id: 'osm:10',
  name: 'Boulkessi',
  alt: [],
  keys: ['boulkessi'],
  type: 'village',
  fcode: 'village',
  population: 1425,
  country: 'ML',
  admin1: ['admin1:ML-5', 'Mopti'],
  admin2: null,
  point: [-1.1, 14.6],
  same: 'gn:9000001',
};

const withoutKeys = <T extends { keys: string[] }>(r: T): Omit<T, 'keys'> => {
  const { keys: _keys, ...rest } = r;
  return rest;
};

describe('Sahel layer files: rows under one column list', () => {
  it('round-trip: the loader reads back every field the derivation wrote (keys are worked out again)', () => {
    const cc = JSON.parse(layerJson(header, { cc: [unit, village] })) as Record<string, unknown>;
    expect(cc.columns).toEqual([...LAYER_COLUMNS]);
    expect(cc.license).toBe('CC BY 4.0');
    expect(layerRecords(cc, 'cc.json')).toEqual([unit, village].map(withoutKeys));
    const osm = JSON.parse(layerJson(header, { osm: [node] }));
    expect(osm.columns).toEqual([...OSM_LAYER_COLUMNS]);
    const [read] = layerRecords(osm, 'osm.json');
    expect(read).toEqual(withoutKeys(node));
    expect(read && 'ids' in read).toBe(false);
  });

  it('writes one row per line and an empty layer as an empty list', () => {
    const text = layerJson(header, { cc: [unit, village] });
    expect(text.split('\n').filter((l) => l.startsWith('["'))).toHaveLength(2);
    expect(layerRecords(JSON.parse(layerJson(header, { osm: [] })), 'empty.json')).toEqual([]);
  });

  it('readLayerFile gives the scripts records with their spacing-free keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-format-'));
    try {
      const file = join(dir, 'gazetteer-sahel.json');
      writeFileSync(file, layerJson(header, { cc: [village] }));
      expect(readLayerFile(file)).toEqual([village]);
      const osmFile = join(dir, 'osm-places-sahel.json');
      writeFileSync(osmFile, layerJson(header, { osm: [node] }));
      expect(readLayerFile(osmFile)).toEqual([node]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file in another shape is an error naming the file, the row and what is wrong', () => {
    const good = JSON.parse(layerJson(header, { cc: [unit, village] })) as { rows: unknown[][] };
    const bad = (json: unknown) => () => layerRecords(json, 'geodata/gazetteer-sahel.json');
    expect(bad([])).toThrow(/gazetteer-sahel\.json: not a JSON object/);
    expect(bad({ ...header, entries: [] })).toThrow(/an object per record \("entries"\).*npm run geodata:sahel/);
    expect(bad({ columns: ['id', 'name'], rows: [] })).toThrow(/columns \["id","name"\], expected/);
    expect(bad({ columns: LAYER_COLUMNS, rows: {} })).toThrow(/no "rows" list/);
    expect(bad({ ...good, rows: [good.rows[0], good.rows[1]?.slice(0, 5)] })).toThrow(
      /row 1 is not a list of 11 values/,
    );
    const row = (i: number, v: unknown) => good.rows[1]?.map((x, j) => (j === i ? v : x));
    expect(bad({ ...good, rows: [row(10, [1, 'x'])] })).toThrow(/row 0 has no valid "point"/);
    expect(bad({ ...good, rows: [row(8, ['admin1:ML-5'])] })).toThrow(/row 0 has no valid "admin1"/);
    expect(bad({ ...good, rows: [row(1, 'gn:1')] })).toThrow(/row 0 has no valid "ids"/);
    const osm = JSON.parse(layerJson(header, { osm: [node] })) as { rows: unknown[][] };
    expect(() =>
      layerRecords({ ...osm, rows: [osm.rows[0]?.map((x, j) => (j === 10 ? 7 : x))] }, 'osm.json'),
    ).toThrow(/row 0 has no valid "same"/);
  });
});
