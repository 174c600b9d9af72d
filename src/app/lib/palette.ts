// What colour, fill and shading mean: shared by the map's style (src/app/map/style/) and the panels' legend and
// lists, so a dot in a panel is the colour of its point on the map.

/** Colour per ACLED event type; anything else is grey. */
export const EVENT_COLORS: Record<string, string> = {
  Battles: '#c62828',
  'Explosions/Remote violence': '#ef6c00',
  'Violence against civilians': '#6a1b9a',
  Protests: '#1565c0',
  Riots: '#2e7d32',
  'Strategic developments': '#795548',
};
export const OTHER_COLOR = '#607d8b';

/**
 * How sure, drawn without relying on colour (the colour is the event type): fill opacity, ring width and a second,
 * outer ring. Every modality has its own combination, so a claim of responsibility never reads as an allegation,
 * nor either as a report or a forecast. The map's style and the legend's swatches both read this table.
 */
export interface ModalityMark {
  /** Fill opacity of the point. */
  fill: number;
  /** Ring (circle stroke) width in px. */
  ring: number;
  /** A thin second ring just outside the point. */
  outer: boolean;
  label: string;
}
export const MODALITY_MARK: Record<string, ModalityMark> = {
  reported: { fill: 0.85, ring: 1, outer: false, label: 'Reported (solid)' },
  historical: { fill: 0.45, ring: 1, outer: false, label: 'Historical (faded)' },
  claimed: { fill: 0.35, ring: 2.5, outer: false, label: 'Claimed by an actor (pale, thick ring)' },
  alleged: { fill: 0.35, ring: 1, outer: true, label: 'Alleged (pale, double ring)' },
  speculative: { fill: 0, ring: 2, outer: false, label: 'Forecast / speculative (hollow ring)' },
};
/** An unknown modality is drawn as a report. */
export const DEFAULT_MARK: ModalityMark = { fill: 0.85, ring: 1, outer: false, label: '' };
export function modalityMark(m: string): ModalityMark {
  return MODALITY_MARK[m] ?? { ...DEFAULT_MARK, label: m };
}

export const MEASURE_RAMP = ['#fff3e0', '#ffb74d', '#e65100'] as const;

export function eventColor(t: string): string {
  return EVENT_COLORS[t] ?? OTHER_COLOR;
}
