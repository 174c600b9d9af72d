// The cost of one frame of the map in the page (until the next animation frame after it: the canvas is read back
// there), with every layer, with each layer hidden in turn, and with none: which layers CPU rendering pays for.
// Used by profile.ts (the bench page) and first-load.ts (a real build).

import type { Page } from 'playwright-core';

export function layerFrameCosts(page: Page): Promise<[string, number][]> {
  return page.evaluate(async () => {
    const m = (window as unknown as { __sahel: { map: import('maplibre-gl').Map } }).__sahel.map;
    const frame = async () => {
      const t0 = performance.now();
      await new Promise<void>((r) => {
        m.once('render', () => r());
        m.triggerRepaint();
      });
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    };
    const med = async () => {
      const xs: number[] = [];
      for (let k = 0; k < 7; k++) xs.push(await frame());
      return Math.round(xs.sort((a, b) => a - b)[3]!);
    };
    const out: [string, number][] = [['all', await med()]];
    for (const l of m.getStyle().layers) {
      if (m.getLayoutProperty(l.id, 'visibility') === 'none') continue;
      m.setLayoutProperty(l.id, 'visibility', 'none');
      out.push([l.id, await med()]);
      m.setLayoutProperty(l.id, 'visibility', 'visible');
    }
    const all = m.getStyle().layers.map((l) => l.id);
    for (const id of all) m.setLayoutProperty(id, 'visibility', 'none');
    out.push(['none', await med()]);
    for (const id of all) m.setLayoutProperty(id, 'visibility', 'visible');
    return out;
  });
}
