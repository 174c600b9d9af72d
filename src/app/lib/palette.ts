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

/** How sure: a reported attack is solid, a claim paler with a thick ring, a forecast a hollow ring. */
export const MODALITY_FILL: Record<string, number> = {
  reported: 0.85,
  historical: 0.45,
  claimed: 0.4,
  alleged: 0.3,
  speculative: 0,
};
export const MODALITY_LABEL: Record<string, string> = {
  reported: 'Reported (solid)',
  historical: 'Historical (faded)',
  claimed: 'Claimed (pale, thick ring)',
  alleged: 'Alleged (pale, thick ring)',
  speculative: 'Forecast / speculative (hollow ring)',
};

export const MEASURE_RAMP = ['#fff3e0', '#ffb74d', '#e65100'] as const;

export function eventColor(t: string): string {
  return EVENT_COLORS[t] ?? OTHER_COLOR;
}
