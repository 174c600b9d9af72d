// window.__sahel, read by the e2e tests and the map bench: the map, the app state, and when the data went in.
// Only test builds have it (`vite build --mode test`, as tests/e2e/global-setup.ts and the map bench build).
// Vite replaces import.meta.env.MODE at build time, so a production build drops these bodies and never names the
// hook (tests/e2e/production.e2e.ts checks the bundle).

import type * as maplibregl from 'maplibre-gl';
import type { AppState } from '../state/app.svelte.ts';

export interface TestHook {
  map: maplibregl.Map;
  app: AppState;
  /** The data are handed to the map. */
  attached?: boolean;
  /** performance.now() at the first idle after that. */
  firstIdle?: number;
  /** Windows of a large set being written or parsed (the map may go idle before one is in). */
  pendingWindows?: number;
}

type HookWindow = { __sahel?: TestHook };

export function exposeTestHook(map: maplibregl.Map, app: AppState): void {
  if (import.meta.env.MODE !== 'test') return;
  (window as unknown as HookWindow).__sahel = { map, app };
}

export function markAttached(map: maplibregl.Map): void {
  if (import.meta.env.MODE !== 'test') return;
  const hook = (window as unknown as HookWindow).__sahel;
  if (!hook) return;
  hook.attached = true;
  map.once('idle', () => (hook.firstIdle = performance.now()));
}

/** A window of points asked for (+1) or in the source (-1): the bench waits for none before it reads idle. */
export function trackWindow(delta: 1 | -1): void {
  if (import.meta.env.MODE !== 'test') return;
  const hook = (window as unknown as HookWindow).__sahel;
  if (hook) hook.pendingWindows = (hook.pendingWindows ?? 0) + delta;
}
