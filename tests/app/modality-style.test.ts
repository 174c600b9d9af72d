// Modality on the map (issue 10.5: "alleged" and "claimed" distinguishable): every modality has its own fill, ring
// and outer ring, and the style's expressions draw exactly the legend's table (src/app/lib/palette.ts).
import { createExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import type { CircleLayerSpecification, ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { MODALITY_MARK, modalityMark } from '../../src/app/lib/palette.ts';
import { mapStyle } from '../../src/app/map/style/index.ts';
import type { Modality } from '../../src/pipeline/contract.ts';

const ALL: Modality[] = ['reported', 'claimed', 'alleged', 'speculative', 'historical'];
const style = mapStyle({ land: 'l', countries: 'c', labels: 'b', latin: 'x', latinExt: 'y' }, 'country', 0);
const layer = (id: string) =>
  style.layers.find((l) => l.id === id) as CircleLayerSpecification & { paint: object };

/** A paint value of a circle layer evaluated for a point of this modality (zoom 8, no feature state). */
function paint(id: string, prop: string, mod: string, state: Record<string, boolean> = {}): number {
  const value = (layer(id).paint as Record<string, unknown>)[prop];
  const spec = (latest as unknown as Record<string, Record<string, unknown>>).paint_circle![prop];
  const e = createExpression(value, `layers[${id}].paint.${prop}`, spec as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  const f = { type: 1 as const, properties: { mod, et: 'Battles' }, geometry: [] };
  return e.value.evaluate({ zoom: 8 }, f as never, state) as number;
}
const passes = (id: string, mod: string) =>
  featureFilter(layer(id).filter as ExpressionSpecification, `layers[${id}].filter`).filter({ zoom: 8 }, {
    type: 1,
    properties: { mod, gp: 1 },
    geometry: [],
  } as never);

describe('modality marks', () => {
  it('every modality has a mark of its own, apart from colour', () => {
    const sig = ALL.map((m) => {
      const k = MODALITY_MARK[m]!;
      return `${k.fill}/${k.ring}/${k.outer}`;
    });
    expect(new Set(sig).size).toBe(ALL.length);
    // claimed and alleged differ in shape (ring width and the outer ring), not only in a shade of fill
    const c = MODALITY_MARK.claimed!;
    const a = MODALITY_MARK.alleged!;
    expect(c.ring !== a.ring && c.outer !== a.outer).toBe(true);
    // a forecast is hollow; a report solid
    expect(MODALITY_MARK.speculative!.fill).toBe(0);
    expect(MODALITY_MARK.reported!.fill).toBeGreaterThan(0.8);
    expect(new Set(ALL.map((m) => MODALITY_MARK[m]!.label)).size).toBe(ALL.length);
    expect(modalityMark('unknown-kind').label).toBe('unknown-kind');
  });

  it('the point and cluster layers draw each mark', () => {
    for (const prefix of ['incident', 'cluster'])
      for (const m of ALL) {
        const k = MODALITY_MARK[m]!;
        expect(paint(`${prefix}-points`, 'circle-opacity', m)).toBe(k.fill);
        expect(paint(`${prefix}-points`, 'circle-stroke-width', m)).toBe(k.ring);
        expect(paint(`${prefix}-points`, 'circle-stroke-width', m, { hover: true })).toBeGreaterThan(k.ring);
        expect(passes(`${prefix}-outer`, m)).toBe(k.outer);
      }
    // the outer ring sits outside the point
    expect(paint('incident-outer', 'circle-radius', 'alleged')).toBeGreaterThan(
      paint('incident-points', 'circle-radius', 'alleged'),
    );
  });
});
