// A seeded corpus of incidents and sources for the slim layer's tests.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClaimProps, IncidentFeature, SourceOut } from '../../src/pipeline/contract.ts';
import { mapChunks } from '../../src/pipeline/output-chunks.ts';

/** A seeded corpus of incidents and sources with awkward text: brackets, quotes, backslashes, non-ASCII. */
export function corpus(
  nIncidents: number,
  nSources: number,
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
    incidents.push({
      type: 'Feature',
      geometry: i % 4 ? { type: 'Point', coordinates: [-4 + i / 1000, 14] } : null,
      properties: {
        id: `inc-${i}`,
        place_id: `p-${i}`,
        place_name: `Place ${i}`,
        country: 'ML',
        admin1: null,
        admin2: null,
        region_id: i % 4 ? null : 'country:ML',
        geo_precision: i % 4 ? 1 : 3,
        event_type: 'Battles',
        sub_event_type: null,
        date_start: '2025-01-02',
        date_end: '2025-01-02',
        time_precision: 1,
        actors: ['JNIM'],
        actor_types: ['Rebel groups'],
        fatalities: null,
        fatalities_range: null,
        impacts: [],
        modality: 'reported',
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
