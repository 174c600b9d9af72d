// A seeded corpus of incidents and sources for the slim layer's tests.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClaimProps, IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { OUTPUT_FILES } from '../../src/pipeline/contract.ts';
import {
  MAP_COLUMNS_FILE,
  MAP_DICTS_FILE,
  mapChunks,
  type MapDicts,
  type MapManifest2,
} from '../../src/pipeline/output-chunks.ts';
import type { ColumnData } from '../../src/app/lib/columns.ts';

/** A seeded corpus of incidents and sources with awkward text: brackets, quotes, backslashes, non-ASCII. */
export function corpus(
  nIncidents: number,
  nSources: number,
  /** Ids as the build writes them (8 hex digits, also as the feature's own id), packed in the columns. */
  hexIds = false,
): { incidents: IncidentFeature[]; sources: SourceOut[] } {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sources: SourceOut[] = [];
  for (let s = 0; s < nSources; s++)
    sources.push({
      id: `src-${s}`,
      file: `src-${s}.txt`,
      title: s % 3 ? `Title ${s} "quoted" [x] {y}` : null,
      publisher: s % 2 ? 'Pub' : null,
      published: '2025-01-01',
      text: `Article ${s}: gunmen] attacked {a} "market" in Ségou \\ near Gao.\n${'word '.repeat(Math.floor(rnd() * 50))}`,
    });
  const incidents: IncidentFeature[] = [];
  for (let i = 0; i < nIncidents; i++) {
    const claims: ClaimProps[] = [];
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      const src = sources[Math.floor(rnd() * nSources)]!;
      claims.push({
        id: `c-${i}-${k}`,
        source_id: src.id,
        source_title: src.title,
        publisher: src.publisher,
        published: src.published,
        sentence: `Claim ${i}.${k} says "}]" and \\u0000 — ${'é'.repeat(k)}`,
        start: 0,
        end: 10,
        actors: ['JNIM'],
        fatalities: k ? k : null,
        modality: 'reported',
        date_start: '2025-01-02',
        date_end: '2025-01-02',
        unlocated_name: null,
      });
    }
    const id = hexIds ? (i * 2654435761 + 12345).toString(16).slice(-8).padStart(8, '0') : `inc-${i}`;
    const fat = i % 5 ? Math.floor(rnd() * 40) : null;
    incidents.push({
      type: 'Feature',
      ...(hexIds ? { id } : {}),
      geometry: i % 4 ? { type: 'Point', coordinates: [(i - 4000) / 1000, 14 + (i % 7) / 8] } : null,
      properties: {
        id,
        place_id: `p-${i % 50}`,
        place_name: `Place ${i}`,
        country: i % 3 ? 'ML' : 'BF',
        admin1: i % 2 ? `Admin ${i % 6}` : null,
        admin2: null,
        region_id: i % 4 ? null : i % 8 ? 'country:ML' : 'admin1:ML-6',
        geo_precision: i % 4 ? (i % 3 ? 1 : 2) : 3,
        event_type: i % 3 ? 'Battles' : 'Violence against civilians',
        sub_event_type: i % 3 ? null : 'Attack',
        date_start: i % 9 ? `2025-01-${String(1 + (i % 28)).padStart(2, '0')}` : null,
        date_end: i % 9 ? `2025-02-${String(1 + (i % 27)).padStart(2, '0')}` : null,
        time_precision: i % 9 ? 1 : null,
        actors: i % 2 ? ['JNIM', 'Military Forces of Mali'] : ['JNIM'],
        actor_types: i % 2 ? ['Rebel groups', null] : ['Rebel groups'],
        fatalities: fat,
        fatalities_range: fat !== null && i % 11 === 0 ? [fat, fat + 5] : null,
        impacts: i % 5 ? ['casualties'] : [],
        modality: i % 6 ? 'reported' : 'claimed',
        n_sources: new Set(claims.map((c) => c.source_id)).size,
        claims,
      },
    });
  }
  return { incidents, sources };
}

/** Replaces a data folder's map/ layer with one written from these incidents and sources (no .gz siblings, so no
 * stale compressed file is served). */
export function writeMapFolder(dataDir: string, incidents: IncidentFeature[], sources: SourceOut[]): void {
  rmSync(join(dataDir, 'map'), { recursive: true, force: true });
  for (const [rel, text] of mapChunks(incidents, sources)) {
    mkdirSync(dirname(join(dataDir, rel)), { recursive: true });
    writeFileSync(join(dataDir, rel), text);
  }
}

/** The columnar layer of mapChunks' files as the map's loader gives it (src/app/lib/data.ts). */
export function columnData(files: Map<string, string | Uint8Array>): ColumnData {
  const bin = files.get(MAP_COLUMNS_FILE) as Uint8Array;
  return {
    manifest: JSON.parse(files.get(OUTPUT_FILES.mapManifest) as string) as MapManifest2,
    bin: bin.slice().buffer,
    dicts: JSON.parse(files.get(MAP_DICTS_FILE) as string) as MapDicts,
  };
}

/** A text file of mapChunks' output. */
export const textOf = (files: Map<string, string | Uint8Array>, path: string): string => {
  const v = files.get(path);
  if (typeof v !== 'string') throw new Error(`${path} is not a text file of the layer`);
  return v;
};
