// The cost of one frame of the map in the page (until the next animation frame after it: the canvas is read back
// there), with every layer, with each layer hidden in turn, and with none: which layers CPU rendering pays for.
// Used by profile.ts (the bench page) and first-load.ts (a real build); repaintToIdle by those and run.ts.

import type { Page } from 'playwright-core';

/**
 * Repaint the map the page exposes as window[hook].map and wait for 'idle': the page clock when the repaint was
 * asked for and when the map went idle.
 */
export function repaintToIdle(
  page: Page,
  hook: '__sahel' | '__bench',
): Promise<{ start: number; idle: number }> {
  return page.evaluate(
    (h) =>
      new Promise<{ start: number; idle: number }>((resolve) => {
        type Repaintable = { once(e: string, f: () => void): void; triggerRepaint(): void };
        const m = (window as unknown as Record<string, { map: Repaintable }>)[h]!.map;
        const start = performance.now();
        m.once('idle', () => resolve({ start, idle: performance.now() }));
        m.triggerRepaint();
      }),
    hook,
  );
}

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
