// Escape closes the source view, then the incident panel, and focus goes back to what opened it (the list row,
// the "Show in source" button, the map). Openers are recorded from the click that opened the panel; a row the
// panel replaced on screen is found again by its incident id.

import { tick, untrack } from 'svelte';
import type { AppState } from './app.svelte.ts';

const FOCUSABLE = 'button, a[href], input, select, [tabindex]';

export function focusReturn(app: AppState): () => void {
  let lastActivated: HTMLElement | null = null;
  let incidentOpener: HTMLElement | null = null;
  let sourceOpener: HTMLElement | null = null;
  let openedIncident: string | null = null;

  const onClick = (e: MouseEvent) => {
    lastActivated = (e.target as Element | null)?.closest<HTMLElement>(FOCUSABLE) ?? null;
  };

  $effect(() => {
    const id = app.incident;
    untrack(() => {
      if (id && id !== openedIncident) incidentOpener = lastActivated;
      openedIncident = id;
    });
  });
  $effect(() => {
    const claim = app.claim;
    untrack(() => {
      if (claim) sourceOpener = lastActivated;
    });
  });

  async function restore(el: HTMLElement | null, incidentId: string | null) {
    await tick();
    let target = el?.isConnected ? el : null;
    if (!target && incidentId)
      target = document.querySelector<HTMLElement>(`[data-incident="${CSS.escape(incidentId)}"]`);
    (target ?? document.querySelector<HTMLElement>('.maplibregl-canvas'))?.focus();
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (app.claim) {
      e.preventDefault();
      app.claim = null;
      void restore(sourceOpener, null);
    } else if (app.incident) {
      e.preventDefault();
      const id = app.incident;
      app.selectIncident(null);
      void restore(incidentOpener, id);
    }
  };
  addEventListener('click', onClick, true);
  addEventListener('keydown', onKey);
  return () => {
    removeEventListener('click', onClick, true);
    removeEventListener('keydown', onKey);
  };
}
