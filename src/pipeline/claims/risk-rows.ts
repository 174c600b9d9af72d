// Risk rows from tables: which place each row of an article's table is about (region-keyed rows are located).

import type { PipelineContext } from '../context.ts';
import { compareStrings } from '../../common/strings.ts';
import { hashId } from '../text.ts';
import type { RiskRow, Segmented } from '../types.ts';
import { KIND_RANK } from './place.ts';

/** Rows of the document's tables: region-keyed rows are located, the others kept unlocated with their source. */
export function extractRiskRows(sourceId: string, seg: Segmented, ctx: PipelineContext): RiskRow[] {
  const g = ctx.gazetteer;
  const { tableKeyed } = ctx.claims;
  const rows: RiskRow[] = [];
  for (const t of seg.tables) {
    const keyed = tableKeyed.test((t.header[0] ?? '').trim());
    const candidatesOf = (cell: string) => g.byName(cell).filter((e) => e.kind !== 'continent');
    // The country most rows point to unambiguously: a "Sahel" row in a table of Burkina regions is Burkina's
    // Sahel region, not the belt across five countries.
    const votes = new Map<string, number>();
    for (const r of t.rows) {
      const countries = new Set(candidatesOf(r.cells[0] ?? '').map((e) => e.country));
      const only = countries.size === 1 ? [...countries][0] : null;
      if (only) votes.set(only, (votes.get(only) ?? 0) + 1);
    }
    const [tableCountry, n] = [...votes.entries()].sort(
      (a, b) => b[1] - a[1] || compareStrings(a[0], b[0]),
    )[0] ?? [null, 0];
    const home = n >= 2 ? tableCountry : null;
    const lookup = (cell: string) =>
      candidatesOf(cell).sort(
        (a, b) =>
          Number(b.country === home && b.kind !== 'country') -
            Number(a.country === home && a.kind !== 'country') ||
          KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
          b.population - a.population ||
          (a.id < b.id ? -1 : 1),
      )[0];
    const allPlaces = t.rows.length > 0 && t.rows.every((r) => lookup(r.cells[0] ?? '') !== undefined);
    for (const r of t.rows) {
      const entry = keyed || allPlaces ? lookup(r.cells[0] ?? '') : undefined;
      rows.push({
        id: hashId(sourceId, 'risk', r.start, r.end),
        sourceId,
        table: t.index,
        start: r.start,
        end: r.end,
        placeId: entry?.id ?? null,
        regionId: entry?.regionId ?? null,
        header: t.header,
        cells: r.cells,
      });
    }
  }
  return rows;
}
