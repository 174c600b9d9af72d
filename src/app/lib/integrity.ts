// The loaded files are checked before they are indexed, so inconsistent data give the analyst sentences, not a
// blank page: ids that must be unique (incidents, the claims of one incident, sources, regions, risk rows, events
// with no place) and references that must resolve (a claim's source and its sentence at its offsets there, an
// incident's or a risk row's region). Duplicates and malformed incidents are left out (the first of each id is
// kept), so keyed lists and id maps stay sound and the map shows the rest; dangling references are kept and said.

import type {
  IncidentFeature,
  RegionCollection,
  RiskRowOut,
  SourceOut,
  UnlocatedOut,
} from '../../pipeline/contract.ts';
import type { RawData } from './data.ts';
import { slimIncident, sourceIds } from './slim.ts';
import { duplicateRows } from './columns.ts';

export interface Checked<T = RawData> {
  data: T;
  /** One sentence per kind of problem, with a few examples; empty when the data are consistent. */
  problems: string[];
}

const EXAMPLES = 3;

/** Collects ids per kind of problem and words them once at the end. */
class Problems {
  private readonly kinds = new Map<string, { say: (n: number, ex: string) => string; ids: string[] }>();
  add(kind: string, id: string, say: (n: number, examples: string) => string): void {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { say, ids: [] }));
    if (!k.ids.includes(id)) k.ids.push(id);
  }
  list(): string[] {
    return [...this.kinds.values()].map(({ say, ids }) => {
      const shown = ids.slice(0, EXAMPLES).map((id) => `"${id}"`);
      const more = ids.length > EXAMPLES ? ` and ${ids.length - EXAMPLES} more` : '';
      return say(ids.length, shown.join(', ') + more);
    });
  }
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

// Problems found on both layers (GeoJSON incidents and the columnar one), worded once.
const dupIncident = (n: number, ex: string) =>
  `${plural(n, 'An incident id appears', `${n} incident ids appear`)} more than once in incidents.geojson (${ex}): only the first incident of each is shown.`;
const noSource = (n: number, ex: string) =>
  `Claims refer to ${plural(n, 'a source', `${n} sources`)} that sources.json lacks (${ex}): their sentence is shown without its article.`;
const unknownRegion = (n: number, ex: string) =>
  `Incidents are placed in ${plural(n, 'a region', `${n} regions`)} that regions.geojson lacks (${ex}): they are listed and counted but have no polygon on the map.`;

/** Keeps the first item of each key; calls `dup` for every later one. */
function firstOfEach<T>(items: readonly T[], key: (x: T) => string, dup: (k: string) => void): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (!seen.has(k)) return seen.add(k);
    dup(k);
    return false;
  });
}

/** Why an incident cannot be shown at all, or null. */
function malformed(f: IncidentFeature): string | null {
  const p = f?.properties as Partial<IncidentFeature['properties']> | undefined;
  if (!p || typeof p !== 'object') return 'it has no properties';
  if (typeof p.id !== 'string' || !p.id) return 'it has no id';
  for (const k of ['claims', 'actors', 'actor_types', 'impacts'] as const)
    if (!Array.isArray(p[k])) return `its ${k} is not a list`;
  return null;
}

/** The risk rows' checks (duplicate ids, unknown regions), into `pr`: the first of each id is kept. */
function riskChecked(
  rows: readonly RiskRowOut[],
  regionIds: ReadonlySet<string>,
  pr: Problems,
): RiskRowOut[] {
  const risk = firstOfEach<RiskRowOut>(
    rows,
    (r) => r.id,
    (id) =>
      pr.add(
        'dup-risk',
        id,
        (n, ex) =>
          `${plural(n, 'A risk row id appears', `${n} risk row ids appear`)} more than once in risk.json (${ex}): only the first row of each is shown.`,
      ),
  );
  for (const r of risk)
    if (r.region_id && !regionIds.has(r.region_id))
      pr.add(
        'risk-region',
        r.region_id,
        (n, ex) =>
          `Risk rows name ${plural(n, 'a region', `${n} regions`)} that regions.geojson lacks (${ex}): those rows are in no region's line of the table.`,
      );
  return risk;
}

/**
 * Risk rows loaded after the rest (data.ts: `riskLater`), checked against the checked regions as `checkData`
 * checks them: the same sentences, for the problems list.
 */
export function checkRisk(rows: readonly RiskRowOut[], regions: RegionCollection): Checked<RiskRowOut[]> {
  const pr = new Problems();
  const risk = riskChecked(
    Array.isArray(rows) ? rows : [],
    new Set(regions.features.map((f) => f.properties.id)),
    pr,
  );
  return { data: risk, problems: pr.list() };
}

export function checkData(raw: RawData): Checked {
  const pr = new Problems();

  const sources = firstOfEach<SourceOut>(
    raw.sources,
    (s) => s.id,
    (id) =>
      pr.add(
        'dup-source',
        id,
        (n, ex) =>
          `${plural(n, 'A source id is', `${n} source ids are`)} used by more than one article in sources.json (${ex}): "Show in source" opens the first of each, which may not be the claim's article.`,
      ),
  );
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const regionFeatures = firstOfEach<RegionCollection['features'][number]>(
    raw.regions.features,
    (f) => f.properties.id,
    (id) =>
      pr.add(
        'dup-region',
        id,
        (n, ex) =>
          `${plural(n, 'A region id appears', `${n} region ids appear`)} more than once in regions.geojson (${ex}): only the first polygon of each is used.`,
      ),
  );
  const regionIds = new Set(regionFeatures.map((f) => f.properties.id));

  const wellFormed = raw.incidents.features.filter((f, k) => {
    const why = malformed(f);
    if (why)
      pr.add(
        'malformed',
        `#${k + 1} (${why})`,
        (n, ex) =>
          `${plural(n, 'An incident', `${n} incidents`)} in incidents.geojson cannot be read and ${plural(n, 'is', 'are')} left out: ${ex}.`,
      );
    return !why;
  });
  const features = firstOfEach<IncidentFeature>(
    wellFormed,
    (f) => f.properties.id,
    (id) => pr.add('dup-incident', id, dupIncident),
  ).map((f) => {
    const p = f.properties;
    const claims = firstOfEach(
      p.claims,
      (c) => c.id,
      (id) =>
        pr.add(
          'dup-claim',
          `${id} in ${p.id}`,
          (n, ex) =>
            `${plural(n, 'A claim is', `${n} claims are`)} listed twice in one incident (${ex}): shown once.`,
        ),
    );
    // slim layer: the claims come later, but their source ids are here
    if (slimIncident(p))
      for (const id of sourceIds(p)) if (!sourceById.has(id)) pr.add('no-source', id, noSource);
    for (const c of claims) {
      const src = sourceById.get(c.source_id);
      if (!src) pr.add('no-source', c.source_id, noSource);
      // no offsets (end <= start) is allowed: SourceView then looks the sentence up in the text
      else if (c.end > c.start && src.text.slice(c.start, c.end) !== c.sentence)
        pr.add(
          'offsets',
          c.id,
          (n, ex) =>
            `${plural(n, "A claim's sentence is", `${n} claims' sentences are`)} not at ${plural(n, 'its', 'their')} offsets in ${plural(n, 'its', 'their')} article (${ex}): "Show in source" may mark the wrong words.`,
        );
    }
    if (p.region_id && !regionIds.has(p.region_id)) pr.add('incident-region', p.region_id, unknownRegion);
    return claims.length === p.claims.length ? f : { ...f, properties: { ...p, claims } };
  });

  // the columnar layer (map format 2): the same checks on its lists, no incident object built
  let columns = raw.columns;
  if (columns) {
    const { rows, ids } = duplicateRows(columns);
    for (const id of ids) pr.add('dup-incident', id, dupIncident);
    if (rows.length) columns = { ...columns, drop: rows };
    for (const id of columns.dicts.sources) if (!sourceById.has(id)) pr.add('no-source', id, noSource);
    for (const id of columns.dicts.regions)
      if (!regionIds.has(id)) pr.add('incident-region', id, unknownRegion);
  }

  const risk = riskChecked(raw.risk, regionIds, pr);

  const unlocated = firstOfEach<UnlocatedOut>(
    raw.unlocated,
    (u) => `${u.source_id}:${u.start}`,
    (key) =>
      pr.add(
        'dup-unlocated',
        key,
        (n, ex) =>
          `${plural(n, 'An event with no place is', `${n} events with no place are`)} listed twice in unlocated.json (${ex}): shown once.`,
      ),
  );

  return {
    data: {
      ...raw,
      incidents: { ...raw.incidents, features },
      ...(columns ? { columns } : {}),
      regions: { ...raw.regions, features: regionFeatures },
      risk,
      sources,
      unlocated,
    },
    problems: pr.list(),
  };
}
