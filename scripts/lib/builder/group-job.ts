// The grouping worker's last job: the corpus's claims into incidents, written to incidents.geojson and, from the
// same features, the incidents' half of the map layer (map/). Apart from worker.ts so that it can be run and profiled on its own.

import type { IncidentFeature } from '../../../src/pipeline/contract.ts';
import type { PipelineContext } from '../../../src/pipeline/context.ts';
import { incidentFeatures } from '../../../src/pipeline/features.ts';
import type { IncidentCounts } from '../../../src/pipeline/report.ts';
import type { Claim, SourceMeta } from '../../../src/pipeline/types.ts';
import { writeMapLayer, type MapIncident } from '../map-chunks.ts';
import { ClaimTexts, FileWriter } from './writer.ts';

/** incidents.geojson: JSON.stringify's bytes of the collection, written feature by feature. Each claim's
 * sentence is its line of `texts` (its index is in `sentence`, or in `kept` for the claims grouping read), spliced
 * into the feature's JSON as the JSON string it already is: no parse and stringify of every sentence again. Each
 * feature is handed on (to the map layer) with its claims' JSON, then let go: features are made as they are
 * written. */
function* writeIncidents(
  path: string,
  features: Iterable<IncidentFeature>,
  texts: ClaimTexts,
  kept: ReadonlyMap<string, number>,
): Generator<MapIncident> {
  const out = new FileWriter(path);
  try {
    out.write('{"type":"FeatureCollection","features":[');
    let i = 0;
    for (const f of features) {
      const claims = f.properties.claims;
      const lines = claims.map(
        (c) => kept.get(keptKey(c.id, c.source_id, c.start, c.end)) ?? Number(c.sentence),
      );
      for (const c of claims) c.sentence = '';
      // A quote inside any string is escaped, so the empty sentences are the only places this text occurs.
      const parts = JSON.stringify(f).split(EMPTY_SENTENCE);
      if (parts.length !== claims.length + 1)
        throw new Error(`incident ${f.properties.id}: sentences not found`);
      let json = parts[0] as string;
      lines.forEach((n, j) => (json += `"sentence":${texts.json(n)}${parts[j + 1] as string}`));
      out.write(i++ ? `,${json}` : json);
      yield [f, claimsJson(json)];
    }
    out.write(']}\n');
  } finally {
    out.close();
  }
}
const EMPTY_SENTENCE = '"sentence":""';

/** The claims' JSON inside a feature's (toFeatures puts `claims` last in `properties`, `properties` last). */
function claimsJson(feature: string): string | undefined {
  const at = feature.lastIndexOf(CLAIMS_KEY);
  return at >= 0 && feature.endsWith(']}}') ? feature.slice(at + CLAIMS_KEY.length - 1, -2) : undefined;
}
const CLAIMS_KEY = '"claims":[';

/** A kept claim: its id with its sentence's place in its source. Ids are 32-bit hashes: among a million claims
 * some hundred pairs share one, and a town claim sharing a kept claim's id would have kept its index. */
const keptKey = (id: string, source: string, start: number, end: number) =>
  `${id}\u0000${source}\u0000${start}:${end}`;

/** Claims as the grouping worker keeps them: their repeated strings (source, place, type, dates, actors) shared,
 * not one copy per claim as each message gives them. */
export function interner(): (c: Claim) => Claim {
  const seen = new Map<string, string>();
  const one = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const had = seen.get(s);
    if (had !== undefined) return had as T;
    seen.set(s, s);
    return s;
  };
  return (c) => {
    c.sourceId = one(c.sourceId);
    c.placeId = one(c.placeId);
    c.eventType = one(c.eventType);
    c.subEventType = one(c.subEventType);
    c.dateStart = one(c.dateStart);
    c.dateEnd = one(c.dateEnd);
    c.modality = one(c.modality);
    c.actors = c.actors.map(one);
    c.impacts = c.impacts.map(one);
    c.unlocatedName = one(c.unlocatedName);
    return c;
  };
}

/** Groups `claims` (their text left out; the i-th claim's sentence is line i of the file `texts`), writes
 * incidents.geojson at `path` and the incidents' half of the map layer into `outDir` (`sources`: how many sources
 * the other half holds, map-chunks.ts MapSources); returns the incident counts. */
export async function groupJob(
  claims: Claim[],
  meta: Map<string, SourceMeta>,
  ctx: PipelineContext,
  o: { path: string; texts: string; outDir: string; sources: number },
): Promise<IncidentCounts> {
  const texts = new ClaimTexts(o.texts);
  // Grouping reads the text of region- and country-level claims only ("Also on Friday ... in Mali" is another
  // event, group.ts): those carry their sentence, the others (most) their index, replaced when written. A
  // claim's id hashes its sentence's offsets and its place; with them, a kept key stands for one sentence.
  const kept = new Map<string, number>();
  claims.forEach((c, i) => {
    if (ctx.gazetteer.get(c.placeId)?.kind === 'place') c.text = String(i);
    else {
      c.text = texts.get(i);
      kept.set(keptKey(c.id, c.sourceId, c.start, c.end), i);
    }
  });
  const incidents = incidentFeatures(claims, meta, ctx);
  await writeMapLayer(o.outDir, {}, writeIncidents(o.path, incidents.features, texts, kept), o.sources);
  return {
    incidents: incidents.incidents,
    point: incidents.point,
    region: incidents.incidents - incidents.point,
  };
}
