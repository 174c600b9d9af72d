// Scoring the pipeline against ACLED-format events: each row's `notes` is fed as one article published on
// `event_date`; the pipeline's main place, actors, event type, fatalities and date are compared with the row.
// Pure: the CLI (scripts/eval.ts) reads the file and runs the pipeline; this module only parses and scores.
import Papa from 'papaparse';
import type { Claim, GeoPrecision, RawDoc, Resolution } from '../pipeline/types.ts';
import { goldActor, scoreActorSet, type ActorIndex, type SetScore } from './actors.ts';
import { haversineKm, median, prf, ratio } from './geo.ts';
import { offsetPoint } from '../common/geo.ts';
import { nameKey } from './names.ts';

/** The ACLED columns the scorer reads (other columns are ignored). */
export interface AcledRow {
  event_id: string;
  event_date: string;
  country: string;
  location: string;
  latitude: number;
  longitude: number;
  geo_precision: GeoPrecision;
  event_type: string;
  /** Pre-2019 types mapped onto today's six, when the file has the column. */
  event_type_norm: string | null;
  actor1: string;
  actor2: string;
  fatalities: number;
  notes: string;
  news_source: string | null;
  /** Whether the gold place name occurs in the notes (null when the file lacks the column). */
  location_in_notes: boolean | null;
}

export interface AcledParse {
  rows: AcledRow[];
  problems: { line: number; why: string }[];
}

const REQUIRED = ['event_id', 'event_date', 'latitude', 'longitude', 'notes'] as const;

/** Parse an ACLED-format CSV (header row; papaparse handles quoting and embedded newlines). */
export function parseAcledCsv(text: string): AcledParse {
  const parsed = Papa.parse<Record<string, string | undefined>>(text, { header: true, skipEmptyLines: true });
  const problems: AcledParse['problems'] = parsed.errors.map((e) => ({
    line: (e.row ?? -1) + 2,
    why: e.message,
  }));
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0)
    return { rows: [], problems: [{ line: 1, why: `missing column(s): ${missing.join(', ')}` }] };
  const rows: AcledRow[] = [];
  parsed.data.forEach((r, i) => {
    const s = (k: string): string => (r[k] ?? '').trim();
    const lat = Number(s('latitude'));
    const lon = Number(s('longitude'));
    const gp = Number(s('geo_precision') || '1');
    if (
      s('notes') === '' ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      !/^\d{4}-\d{2}-\d{2}$/.test(s('event_date'))
    ) {
      problems.push({ line: i + 2, why: 'empty notes, bad coordinates or bad event_date' });
      return;
    }
    const lin = s('location_in_notes').toLowerCase();
    rows.push({
      event_id: s('event_id') || `row${i + 1}`,
      event_date: s('event_date'),
      country: s('country'),
      location: s('location'),
      latitude: lat,
      longitude: lon,
      geo_precision: gp === 2 || gp === 3 ? gp : 1,
      event_type: s('event_type'),
      event_type_norm: s('event_type_norm') || null,
      actor1: s('actor1'),
      actor2: s('actor2'),
      fatalities: Number(s('fatalities') || '0') || 0,
      notes: s('notes'),
      news_source: s('news_source') || null,
      location_in_notes: lin === 'true' ? true : lin === 'false' ? false : null,
    });
  });
  return { rows, problems };
}

/** The article the pipeline reads for one row: the notes, published on the event date. */
export function acledRowToDoc(row: AcledRow): RawDoc {
  return {
    id: row.event_id,
    file: `${row.event_id}.txt`,
    format: 'txt',
    text: row.notes,
    meta: { title: null, publisher: row.news_source, published: row.event_date },
  };
}

/** What the scorer needs from the pipeline's output for one document. */
export interface DocOutput {
  claims: readonly Pick<
    Claim,
    | 'placeId'
    | 'geoPrecision'
    | 'actors'
    | 'eventType'
    | 'dateStart'
    | 'dateEnd'
    | 'fatalities'
    | 'modality'
    | 'sentence'
    | 'start'
    | 'offset'
  >[];
  resolutions: readonly Pick<Resolution, 'placeId' | 'status' | 'mention'>[];
}

export interface PlaceInfo {
  point: [number, number];
}

export interface AcledScoringContext {
  place(id: string): PlaceInfo | undefined;
  actorIndex: ActorIndex;
  /** Points of the gazetteer entries whose name or alias is this name (only used to classify errors). */
  placesNamed?(name: string): PlaceInfo[];
}

/** Claims that assert an event (not forecasts or background). */
const EVENT_MODALITIES: ReadonlySet<string> = new Set(['reported', 'claimed', 'alleged']);

type ClaimOut = DocOutput['claims'][number];

/**
 * The row's predicted main place: among the event claims (reported, claimed, alleged; all claims when there is
 * none), the most specific geo precision first, then the first in the text. Null when there is no claim.
 */
export function pickMainClaim(claims: readonly ClaimOut[]): ClaimOut | null {
  const events = claims.filter((c) => EVENT_MODALITIES.has(c.modality));
  const pool = events.length > 0 ? events : claims;
  let best: ClaimOut | null = null;
  for (const c of pool) {
    if (
      best === null ||
      c.geoPrecision < best.geoPrecision ||
      (c.geoPrecision === best.geoPrecision &&
        (c.sentence < best.sentence || (c.sentence === best.sentence && c.start < best.start)))
    )
      best = c;
  }
  return best;
}

/** Gold event type matches: event_type_norm when present; the pre-2019 joint "Riots/Protests" accepts either. */
export function eventTypeMatches(
  row: Pick<AcledRow, 'event_type' | 'event_type_norm'>,
  predicted: string | null,
): boolean {
  if (predicted === null) return false;
  const gold = (row.event_type_norm ?? row.event_type).toLowerCase();
  const p = predicted.toLowerCase();
  if (gold.startsWith('protests/riots') || gold === 'riots/protests')
    return p === 'protests' || p === 'riots';
  return gold === p;
}

/** The gold date lies within the predicted span (an open end means the start day only). */
export function dateMatches(goldDate: string, start: string | null, end: string | null): boolean {
  if (start === null) return false;
  const s = start.slice(0, 10);
  const e = (end ?? start).slice(0, 10);
  return s <= goldDate && goldDate <= e;
}

export type AcledErrorClass =
  | 'ok (<= 25 km)'
  | 'no place; gold place not in notes'
  | 'no place; gold name not in gazetteer'
  | 'no place; gold name spotted, no claim'
  | 'no place; gold name in gazetteer, not spotted'
  | 'far; gold place not in notes'
  | 'far; gold name not in gazetteer'
  | 'far; coarser precision chosen'
  | 'far; gold name resolved, other claim chosen'
  | 'far; gold name resolved to a wrong entry'
  | 'far; gold name in gazetteer, not spotted';

export interface AcledRowScore {
  id: string;
  goldPrecision: GeoPrecision;
  locationInNotes: boolean | null;
  located: boolean;
  km: number | null;
  predictedPlace: string | null;
  predictedPrecision: GeoPrecision | null;
  actors: SetScore;
  eventTypeOk: boolean;
  fatalitiesOk: boolean;
  dateOk: boolean;
  errorClass: AcledErrorClass;
}

/** Score one row against the pipeline's output for its notes. */
export function scoreAcledRow(row: AcledRow, out: DocOutput, ctx: AcledScoringContext): AcledRowScore {
  const gold: [number, number] = [row.longitude, row.latitude];
  const main = pickMainClaim(out.claims);
  const place = main ? ctx.place(main.placeId) : undefined;
  // "30 km north of X": the claim's estimated point, as the map draws it.
  const point = place && main?.offset ? offsetPoint(place.point, main.offset) : place?.point;
  const km = point ? haversineKm(gold, point) : null;

  const goldActors = [goldActor(row.actor1, ctx.actorIndex), goldActor(row.actor2, ctx.actorIndex)].filter(
    (a): a is string[] => a !== null,
  );
  const events = out.claims.filter((c) => EVENT_MODALITIES.has(c.modality));
  const predActors = (events.length > 0 ? events : out.claims).flatMap((c) => c.actors);
  const actors = scoreActorSet(goldActors, predActors);

  // Fatalities: the main claim's number, else the first number stated by another event claim; none stated = 0
  // (ACLED writes 0 when no death is reported). A row without any claim scores a miss.
  let fatalitiesOk = false;
  if (main) {
    const stated = main.fatalities ?? events.find((c) => c.fatalities !== null)?.fatalities ?? null;
    fatalitiesOk = (stated ?? 0) === row.fatalities;
  }

  return {
    id: row.event_id,
    goldPrecision: row.geo_precision,
    locationInNotes: row.location_in_notes,
    located: place !== undefined,
    km,
    predictedPlace: main?.placeId ?? null,
    predictedPrecision: main?.geoPrecision ?? null,
    actors,
    eventTypeOk: eventTypeMatches(row, main?.eventType ?? null),
    fatalitiesOk,
    dateOk: main ? dateMatches(row.event_date, main.dateStart, main.dateEnd) : false,
    errorClass: classify(row, out, ctx, km, main?.geoPrecision ?? null),
  };
}

function classify(
  row: AcledRow,
  out: DocOutput,
  ctx: AcledScoringContext,
  km: number | null,
  precision: GeoPrecision | null,
): AcledErrorClass {
  if (km !== null && km <= 25) return 'ok (<= 25 km)';
  const prefix = km === null ? 'no place' : 'far';
  if (row.location_in_notes === false) return `${prefix}; gold place not in notes`;
  const gold: [number, number] = [row.longitude, row.latitude];
  const named = ctx.placesNamed ? ctx.placesNamed(row.location) : null;
  if (named !== null && named.length === 0) return `${prefix}; gold name not in gazetteer`;
  const loc = nameKey(row.location);
  const spotted = out.resolutions.filter(
    (r) => nameKey(r.mention.surface) === loc && r.status !== 'rejected',
  );
  if (km === null)
    return spotted.length > 0
      ? 'no place; gold name spotted, no claim'
      : 'no place; gold name in gazetteer, not spotted';
  if (spotted.length === 0) {
    return precision !== null && precision > row.geo_precision
      ? 'far; coarser precision chosen'
      : 'far; gold name in gazetteer, not spotted';
  }
  const near = spotted.some((r) => {
    const p = r.placeId === null ? undefined : ctx.place(r.placeId);
    return p !== undefined && haversineKm(gold, p.point) <= 25;
  });
  return near ? 'far; gold name resolved, other claim chosen' : 'far; gold name resolved to a wrong entry';
}

export interface AcledGroup {
  n: number;
  located: number;
  acc25: number | null;
  acc161: number | null;
  median_km: number | null;
}

export interface AcledSummary extends AcledGroup {
  actor_precision: number | null;
  actor_recall: number | null;
  actor_f1: number | null;
  event_type_acc: number | null;
  fatalities_exact: number | null;
  date_acc: number | null;
  /** The claim-field scores over the rows that have a main claim only (what the pipeline gets right when it speaks). */
  whenLocated: {
    n: number;
    actor_f1: number | null;
    event_type_acc: number | null;
    fatalities_exact: number | null;
    date_acc: number | null;
  };
  byPrecision: Record<'1' | '2' | '3', AcledGroup>;
  byLocationInNotes: Record<'true' | 'false' | 'unknown', AcledGroup>;
  errorClasses: [AcledErrorClass, number][];
}

/**
 * Place accuracy: a row without a predicted place is a miss for acc25/acc161 (denominator = every row) and is left
 * out of the median (which is over located rows; `located` says how many).
 */
export function groupScore(rows: readonly AcledRowScore[]): AcledGroup {
  const kms = rows.flatMap((r) => (r.km === null ? [] : [r.km]));
  return {
    n: rows.length,
    located: kms.length,
    acc25: ratio(kms.filter((k) => k <= 25).length, rows.length),
    acc161: ratio(kms.filter((k) => k <= 161).length, rows.length),
    median_km: median(kms),
  };
}

export function summariseAcled(rows: readonly AcledRowScore[]): AcledSummary {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    tp += r.actors.tp;
    fp += r.actors.fp;
    fn += r.actors.fn;
  }
  const actor = prf(tp, fp, fn);
  const count = (f: (r: AcledRowScore) => boolean): number | null =>
    ratio(rows.filter(f).length, rows.length);
  const classes = new Map<AcledErrorClass, number>();
  for (const r of rows) classes.set(r.errorClass, (classes.get(r.errorClass) ?? 0) + 1);
  const located = rows.filter((r) => r.located);
  const share = (f: (r: AcledRowScore) => boolean): number | null =>
    ratio(located.filter(f).length, located.length);
  const la = located.reduce(
    (a, r) => ({ tp: a.tp + r.actors.tp, fp: a.fp + r.actors.fp, fn: a.fn + r.actors.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return {
    ...groupScore(rows),
    whenLocated: {
      n: located.length,
      actor_f1: prf(la.tp, la.fp, la.fn).f1,
      event_type_acc: share((r) => r.eventTypeOk),
      fatalities_exact: share((r) => r.fatalitiesOk),
      date_acc: share((r) => r.dateOk),
    },
    actor_precision: actor.precision,
    actor_recall: actor.recall,
    actor_f1: actor.f1,
    event_type_acc: count((r) => r.eventTypeOk),
    fatalities_exact: count((r) => r.fatalitiesOk),
    date_acc: count((r) => r.dateOk),
    byPrecision: {
      '1': groupScore(rows.filter((r) => r.goldPrecision === 1)),
      '2': groupScore(rows.filter((r) => r.goldPrecision === 2)),
      '3': groupScore(rows.filter((r) => r.goldPrecision === 3)),
    },
    byLocationInNotes: {
      true: groupScore(rows.filter((r) => r.locationInNotes === true)),
      false: groupScore(rows.filter((r) => r.locationInNotes === false)),
      unknown: groupScore(rows.filter((r) => r.locationInNotes === null)),
    },
    errorClasses: [...classes.entries()].sort((a, b) => b[1] - a[1]),
  };
}
