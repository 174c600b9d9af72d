// The map's slim layer (map/ in the output folder): incidents without their claims and sources without their
// text, for the first draw, and the claims and texts in chunks the map fetches one at a time (an incident's claims
// when it is opened, a source's text for "Show in source", the filtered set's claims for an export). Pure: the
// files come out through `write` (append to a path), in the order the incidents and sources go in, so the same
// input gives the same bytes. Chunks are runs of consecutive items, numbered from 0.

import type {
  ClaimProps,
  IncidentFeature,
  IncidentSlimProps,
  MapManifest,
  SourceMeta,
  SourceOut,
} from './contract.ts';
import { OUTPUT_FILES, claimsChunkFile, textChunkFile } from './contract.ts';

/** Incidents a claims chunk: ~0.2-0.5 MB of JSON (a few tens of kB gzipped) on the synthetic corpora. */
export const INCIDENTS_PER_CHUNK = 256;
/** Sources a text chunk: articles of a few kB each, so again a few hundred kB a chunk. */
export const SOURCES_PER_CHUNK = 32;

export type Write = (path: string, text: string) => void;

export interface ChunkOptions {
  incidentsPerChunk?: number;
  sourcesPerChunk?: number;
  /** Written into the manifest: whether the caller adds .gz siblings. */
  gzip?: boolean;
}

const chunkFile = (entries: readonly string[]): string => `[${entries.join(',')}]\n`;

export class MapChunkWriter {
  private readonly perIncidents: number;
  private readonly perSources: number;
  private nIncidents = 0;
  private nSources = 0;
  private claims: string[] = [];
  private texts: string[] = [];

  constructor(
    private readonly write: Write,
    private readonly opts: ChunkOptions = {},
  ) {
    this.perIncidents = opts.incidentsPerChunk ?? INCIDENTS_PER_CHUNK;
    this.perSources = opts.sourcesPerChunk ?? SOURCES_PER_CHUNK;
    if (this.perIncidents < 1 || this.perSources < 1) throw new Error('chunk sizes must be at least 1');
    write(OUTPUT_FILES.mapIncidents, '{"type":"FeatureCollection","features":[');
    write(OUTPUT_FILES.mapSources, '[');
  }

  addIncident(f: IncidentFeature): void {
    const { claims, ...rest } = f.properties;
    const props: IncidentSlimProps = {
      ...rest,
      n_claims: claims.length,
      source_ids: [...new Set(claims.map((c) => c.source_id))],
      claims_chunk: Math.floor(this.nIncidents / this.perIncidents),
    };
    const slim = { ...f, properties: props };
    this.write(OUTPUT_FILES.mapIncidents, (this.nIncidents ? ',' : '') + JSON.stringify(slim));
    this.claims.push(JSON.stringify([rest.id, claims] satisfies [string, ClaimProps[]]));
    this.nIncidents++;
    if (this.claims.length === this.perIncidents) this.flushClaims();
  }

  addSource(s: SourceOut): void {
    const { text, ...rest } = s;
    const meta: SourceMeta = { ...rest, text_chunk: Math.floor(this.nSources / this.perSources) };
    this.write(OUTPUT_FILES.mapSources, (this.nSources ? ',' : '') + JSON.stringify(meta));
    this.texts.push(JSON.stringify([s.id, text]));
    this.nSources++;
    if (this.texts.length === this.perSources) this.flushTexts();
  }

  /** Writes the last chunks and the manifest; returns the manifest. */
  finish(): MapManifest {
    this.flushClaims();
    this.flushTexts();
    this.write(OUTPUT_FILES.mapIncidents, ']}\n');
    this.write(OUTPUT_FILES.mapSources, ']\n');
    const manifest: MapManifest = {
      format: 1,
      incidents: this.nIncidents,
      sources: this.nSources,
      claims_chunks: Math.ceil(this.nIncidents / this.perIncidents),
      text_chunks: Math.ceil(this.nSources / this.perSources),
      gzip: this.opts.gzip ?? false,
    };
    this.write(OUTPUT_FILES.mapManifest, `${JSON.stringify(manifest)}\n`);
    return manifest;
  }

  private flushClaims(): void {
    if (!this.claims.length) return;
    const n = Math.floor((this.nIncidents - 1) / this.perIncidents);
    this.write(claimsChunkFile(n), chunkFile(this.claims));
    this.claims = [];
  }

  private flushTexts(): void {
    if (!this.texts.length) return;
    const n = Math.floor((this.nSources - 1) / this.perSources);
    this.write(textChunkFile(n), chunkFile(this.texts));
    this.texts = [];
  }
}

/** The whole map/ layer of in-memory outputs: path -> text (tests, and data folders written by hand). */
export function mapChunks(
  incidents: readonly IncidentFeature[],
  sources: readonly SourceOut[],
  opts: ChunkOptions = {},
): Map<string, string> {
  const files = new Map<string, string>();
  const w = new MapChunkWriter((path, text) => files.set(path, (files.get(path) ?? '') + text), opts);
  for (const f of incidents) w.addIncident(f);
  for (const s of sources) w.addSource(s);
  w.finish();
  return files;
}
