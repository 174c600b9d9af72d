// Stage results mapped into the output contract (contract.ts): the one place camelCase becomes snake_case.
// Three records exist in both forms, since the claims stage makes the camelCase one: Claim -> ClaimProps,
// UnlocatedEvent -> UnlocatedOut, RiskRow -> RiskRowOut. Key order is the bytes' order on disk: keep it.

import type { ClaimProps, RiskRowOut, SourceOut, UnlocatedOut } from './contract.ts';
import type { Claim, RawDoc, RiskRow, SourceMeta, UnlocatedEvent } from './types.ts';

/** A claim as its incident carries it, with its source's provenance. */
export function claimOut(c: Claim, meta: SourceMeta | undefined): ClaimProps {
  return {
    id: c.id,
    source_id: c.sourceId,
    source_title: meta?.title ?? null,
    publisher: meta?.publisher ?? null,
    published: meta?.published ?? null,
    sentence: c.text,
    start: c.start,
    end: c.end,
    actors: c.actors,
    fatalities: c.fatalities,
    modality: c.modality,
    date_start: c.dateStart,
    date_end: c.dateEnd,
    unlocated_name: c.unlocatedName,
  };
}

export function unlocatedOut(u: UnlocatedEvent): UnlocatedOut {
  return {
    source_id: u.sourceId,
    start: u.start,
    end: u.end,
    sentence: u.text,
    event_type: u.eventType,
    sub_event_type: u.subEventType,
    why: u.why,
  };
}

/** `regionName` is the gazetteer name of the row's place, when it has one. */
export function riskRowOut(row: RiskRow, sourceTitle: string | null, regionName: string | null): RiskRowOut {
  return {
    id: row.id,
    source_id: row.sourceId,
    source_title: sourceTitle,
    table: row.table,
    region_id: row.regionId,
    place_id: row.placeId,
    region_name: regionName,
    header: row.header,
    cells: row.cells,
    start: row.start,
    end: row.end,
  };
}

/** A built document for sources.json: its provenance and the cleaned text the offsets point into. */
export function sourceOut(doc: RawDoc, cleanText: string): SourceOut {
  return {
    id: doc.id,
    file: doc.file,
    title: doc.meta.title,
    publisher: doc.meta.publisher,
    published: doc.meta.published,
    text: cleanText,
  };
}
