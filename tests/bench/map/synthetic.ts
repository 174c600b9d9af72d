// Seeded synthetic incidents: the map's development fixture, the benchmark's 10k/100k/1M sets, and the e2e fallback
// until the real build is wired. Pure (no fs, no DOM) so it runs in Node and in the browser alike.
// Anchor incidents mirror the bundled corpus's facts (Bamako, "near Mopti", Gao, country-level Mali and Nigeria).

import type {
  ActorType,
  ClaimProps,
  IncidentCollection,
  IncidentFeature,
  Modality,
  SourceOut,
} from '../../../src/pipeline/contract.ts';

import { mulberry32 as rng } from '../corpus.ts';
import { ANCHOR_SOURCES, anchorSources, type AnchorText } from './anchor-sources.ts';

export { ANCHOR_SOURCES, anchorSources, type AnchorText };

/** The seeded generator shared with the corpus benchmark (mulberry32). */
export { rng };

export const ACTORS: [string, ActorType, string | null][] = [
  ['JNIM', 'Rebel groups', null],
  ['Islamic State Sahel Province', 'Rebel groups', null],
  ['AQIM', 'Rebel groups', null],
  ['Military Forces of Mali', 'State forces', 'ML'],
  ['Military Forces of Burkina Faso', 'State forces', 'BF'],
  ['Military Forces of Niger', 'State forces', 'NE'],
  ['Military Forces of Nigeria', 'State forces', 'NG'],
  ['Government of Mali', 'State forces', 'ML'],
  ['Wagner Group', 'External/Other forces', null],
  ['Africa Corps', 'External/Other forces', null],
  ['France', 'External/Other forces', 'FR'],
  ['UN/MINUSMA', 'External/Other forces', null],
  ['ECOWAS', 'External/Other forces', null],
  ['Dozo Communal Militia', 'Identity militias', 'ML'],
  ['Koglweogo', 'Identity militias', 'BF'],
  ['VDP', 'Political militias', 'BF'],
  ['Civilians (Mali)', 'Civilians', 'ML'],
  ['Civilians (Burkina Faso)', 'Civilians', 'BF'],
  ['Protesters (Niger)', 'Protesters', 'NE'],
  ['Rioters (Chad)', 'Rioters', 'TD'],
];
const ACTOR_TYPE = new Map(ACTORS.map(([n, t]) => [n, t]));

export const EVENT_TYPES: [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Violence against civilians', 'Attack'],
  ['Protests', 'Peaceful protest'],
  ['Riots', 'Violent demonstration'],
  ['Strategic developments', 'Arrests'],
];
const MODALITIES: [Modality, number][] = [
  ['reported', 0.7],
  ['claimed', 0.1],
  ['alleged', 0.08],
  ['speculative', 0.07],
  ['historical', 0.05],
];
const IMPACTS = ['casualties', 'displacement', 'humanitarian access', 'economic', 'fuel crisis'] as const;

/** Hubs the random incidents gather around: [name, country, lon, lat]. */
export const HUBS: [string, string, number, number][] = [
  ['Bamako', 'ML', -8.0, 12.65],
  ['Mopti', 'ML', -4.18, 14.48],
  ['Gao', 'ML', -0.04, 16.27],
  ['Timbuktu', 'ML', -3.0, 16.77],
  ['Menaka', 'ML', 2.4, 15.92],
  ['Ouagadougou', 'BF', -1.53, 12.37],
  ['Djibo', 'BF', -1.63, 14.1],
  ['Fada NGourma', 'BF', 0.35, 12.06],
  ['Niamey', 'NE', 2.11, 13.51],
  ['Tillaberi', 'NE', 1.45, 14.21],
  ['Diffa', 'NE', 12.61, 13.32],
  ['Maiduguri', 'NG', 13.16, 11.85],
  ['NDjamena', 'TD', 15.04, 12.11],
  ['Nouakchott', 'MR', -15.98, 18.08],
];

interface AnchorSpec {
  id: string;
  place: string;
  country: string;
  region: string | null;
  coords: [number, number] | null;
  gp: 1 | 2 | 3;
  et: string;
  sub: string | null;
  ds: string | null;
  de: string | null;
  tp: 1 | 2 | 3 | null;
  actors: string[];
  fat: number | null;
  impacts: IncidentFeature['properties']['impacts'];
  modality: Modality;
  sentence: string;
}

const ANCHORS: AnchorSpec[] = [
  {
    id: 'anchor-bamako-arrest',
    place: 'Bamako',
    country: 'ML',
    region: null,
    coords: [-8.0, 12.65],
    gp: 1,
    et: 'Strategic developments',
    sub: 'Arrests',
    ds: '2025-08-15',
    de: '2025-08-15',
    tp: 1,
    actors: ['Government of Mali', 'France'],
    fat: null,
    impacts: ['political/diplomatic'],
    modality: 'reported',
    sentence: ANCHOR_SOURCES[0]!.sentences[0]!,
  },
  {
    id: 'anchor-mopti-convoy',
    place: 'Mopti',
    country: 'ML',
    region: null,
    coords: [-4.18, 14.48],
    gp: 2,
    et: 'Battles',
    sub: 'Armed clash',
    ds: '2025-09-01',
    de: '2025-09-10',
    tp: 2,
    actors: ['Islamic State Sahel Province', 'Military Forces of Mali'],
    fat: 14,
    impacts: ['casualties'],
    modality: 'reported',
    sentence: ANCHOR_SOURCES[0]!.sentences[1]!,
  },
  {
    id: 'anchor-mali-cooperation',
    place: 'Mali',
    country: 'ML',
    region: 'country:ML',
    coords: null,
    gp: 3,
    et: 'Strategic developments',
    sub: 'Agreement',
    ds: '2025-09',
    de: '2025-09',
    tp: 3,
    actors: ['France', 'Government of Mali'],
    fat: null,
    impacts: ['political/diplomatic'],
    modality: 'reported',
    sentence: ANCHOR_SOURCES[0]!.sentences[2]!,
  },
  {
    id: 'anchor-bamako-siege',
    place: 'Bamako',
    country: 'ML',
    region: null,
    coords: [-8.0, 12.65],
    gp: 1,
    et: 'Strategic developments',
    sub: 'Non-violent transfer of territory',
    ds: '2025-10-01',
    de: '2025-11-30',
    tp: 3,
    actors: ['JNIM'],
    fat: null,
    impacts: ['fuel crisis', 'school closures'],
    modality: 'reported',
    sentence: ANCHOR_SOURCES[1]!.sentences[0]!,
  },
  {
    id: 'anchor-nigeria-claim',
    place: 'Nigeria',
    country: 'NG',
    region: 'country:NG',
    coords: null,
    gp: 3,
    et: 'Battles',
    sub: 'Armed clash',
    ds: null,
    de: null,
    tp: null,
    actors: ['JNIM', 'Military Forces of Nigeria'],
    fat: 1,
    impacts: ['casualties'],
    modality: 'claimed',
    sentence: ANCHOR_SOURCES[1]!.sentences[1]!,
  },
  {
    id: 'anchor-gao-clashes',
    place: 'Gao',
    country: 'ML',
    region: null,
    coords: [-0.04, 16.27],
    gp: 1,
    et: 'Battles',
    sub: 'Armed clash',
    ds: '2013-02-21',
    de: '2013-02-21',
    tp: 1,
    actors: ['Military Forces of Mali', 'France'],
    fat: null,
    impacts: [],
    modality: 'reported',
    sentence: ANCHOR_SOURCES[2]!.sentences[0]!,
  },
];

function anchorFeature(
  a: AnchorSpec,
  offsets: Map<string, [string, number, number]>,
  sources: SourceOut[],
): IncidentFeature {
  const [sid, start, end] = offsets.get(a.sentence)!;
  const src = sources.find((s) => s.id === sid)!;
  const claim: ClaimProps = {
    id: `${a.id}-c1`,
    unlocated_name: null,
    source_id: sid,
    source_title: src.title,
    publisher: src.publisher,
    published: src.published,
    sentence: a.sentence,
    start,
    end,
    actors: a.actors,
    fatalities: a.fat,
    modality: a.modality,
    date_start: a.ds,
    date_end: a.de,
  };
  return {
    type: 'Feature',
    geometry: a.coords ? { type: 'Point', coordinates: a.coords } : null,
    properties: {
      id: a.id,
      place_id: a.region ?? `gn:${a.place.toLowerCase()}`,
      place_name: a.place,
      country: a.country,
      region_id: a.region,
      admin1: null,
      admin2: null,
      fatalities_range: null,
      geo_precision: a.gp,
      event_type: a.et,
      sub_event_type: a.sub,
      date_start: a.ds,
      date_end: a.de,
      time_precision: a.tp,
      actors: a.actors,
      actor_types: a.actors.map((x) => ACTOR_TYPE.get(x) ?? 'External/Other forces'),
      fatalities: a.fat,
      impacts: a.impacts,
      modality: a.modality,
      n_sources: 1,
      claims: [claim],
    },
  };
}

export interface SyntheticOptions {
  n: number;
  seed?: number;
  /** Include the corpus-like anchors (Bamako, Mopti, Gao, Mali, Nigeria). */
  anchors?: boolean;
  /** Extra hand-written incidents (e.g. the XSS probe). */
  extra?: IncidentFeature[];
}

/** A deterministic IncidentCollection of `n` random incidents (plus anchors when asked). */
export function syntheticIncidents(opts: SyntheticOptions): {
  incidents: IncidentCollection;
  sources: SourceOut[];
} {
  const rand = rng(opts.seed ?? 42);
  const { sources, offsets } = anchorSources();
  const features: IncidentFeature[] = opts.anchors
    ? ANCHORS.map((a) => anchorFeature(a, offsets, sources))
    : [];
  features.push(...(opts.extra ?? []));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
  const day0 = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 11, 31) - day0;
  const bulk = {
    id: 'synthetic-bulk',
    title: 'Synthetic bulk source',
    publisher: 'Generator',
    published: null,
  };
  for (let i = 0; i < opts.n; i++) {
    const hub = rand() < 0.75 ? pick(HUBS) : null;
    const lon = hub ? hub[2] + gauss() * 0.9 : -17 + rand() * 41;
    const lat = hub ? hub[3] + gauss() * 0.6 : 10 + rand() * 12;
    const [et, sub] = pick(EVENT_TYPES);
    let r = rand();
    let modality: Modality = 'reported';
    for (const [m, w] of MODALITIES) {
      if ((r -= w) <= 0) {
        modality = m;
        break;
      }
    }
    const na = 1 + Math.floor(rand() * 2);
    const actors = [...new Set(Array.from({ length: na }, () => pick(ACTORS)[0]))];
    const fat = rand() < 0.4 ? null : Math.floor(-Math.log(rand() || 1e-9) * 6);
    const tp = (1 + Math.floor(rand() * 3)) as 1 | 2 | 3;
    const start = new Date(day0 + Math.floor(rand() * span));
    const ds = start.toISOString().slice(0, 10);
    const de =
      tp === 1
        ? ds
        : tp === 2
          ? new Date(start.getTime() + 6 * 86_400_000).toISOString().slice(0, 10)
          : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const place = hub ? hub[0] : `Site ${i}`;
    const sentence = `${actors.join(' and ')}: ${sub.toLowerCase()} near ${place}.`;
    const gp = (rand() < 0.7 ? 1 : 2) as 1 | 2;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
      properties: {
        id: `syn-${i}`,
        place_id: `syn:${place}`,
        place_name: place,
        country: hub ? hub[1] : null,
        region_id: null,
        admin1: null,
        admin2: null,
        fatalities_range: null,
        geo_precision: gp,
        event_type: et,
        sub_event_type: sub,
        date_start: ds,
        date_end: de,
        time_precision: tp,
        actors,
        actor_types: actors.map((x) => ACTOR_TYPE.get(x) ?? 'External/Other forces'),
        fatalities: fat,
        impacts: rand() < 0.3 ? [pick(IMPACTS)] : [],
        modality,
        n_sources: 1,
        claims: [
          {
            id: `syn-${i}-c1`,
            unlocated_name: null,
            source_id: bulk.id,
            source_title: bulk.title,
            publisher: bulk.publisher,
            published: bulk.published,
            sentence,
            start: 0,
            end: 0,
            actors,
            fatalities: fat,
            modality,
            date_start: ds,
            date_end: de,
          },
        ],
      },
    });
  }
  if (opts.n > 0)
    sources.push({ ...bulk, file: 'synthetic-bulk.txt', text: 'Synthetic bulk source: no article text.' });
  return { incidents: { type: 'FeatureCollection', features }, sources };
}
