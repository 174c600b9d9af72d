// The one state that drives the map, the panels, the legend counts, the export and the URL.

import type { ListSort } from '../lib/incident-text.ts';
import type { IncidentFeature, RegionCollection, RiskRowOut, UnlocatedOut } from '../../pipeline/contract.ts';
import { fetchData, prepare, type LoadedData, type Loader } from '../lib/data.ts';
import { NO_DAY } from '../lib/dates.ts';
import { checkData, checkRisk } from '../lib/integrity.ts';
import { emptyFilters, filterMask, isEmptyFilter, type FilterState } from '../lib/filters.ts';
import { regionStats, type RegionStats } from '../lib/regions.ts';
import {
  exportSet,
  facetCounts,
  incidentList,
  regionOverlaps,
  regionRows,
  riskRows,
  tableRows,
  unlocatedRows,
  type FacetCounts,
  type RegionOverlap,
  type RegionRow,
} from '../lib/rows.ts';
import {
  defaultUrlState,
  fromSearch,
  toSearch,
  type Measure,
  type RegionLevel,
  type SortKey,
  type UrlState,
  type View,
} from '../lib/url.ts';

export interface Filtered {
  mask: Uint8Array;
  count: number;
  /** Bumps on every recomputation, so effects can key on it. */
  version: number;
}

export type FlyTarget = { kind: 'incident' | 'region'; id: string; seq: number };

let version = 0;
/** When the map has not drawn the data by then (a hidden tab), the panels and the risk rows come anyway. */
const FIRST_DRAW_WAIT_MS = 3000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Read only: recomputed whole, never mutated, so no SvelteMap is needed. */
const NO_OVERLAPS: ReadonlyMap<string, RegionOverlap[]> = new Map();

export class AppState {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<string | null>(null);
  data = $state.raw<LoadedData | null>(null);
  /** The region polygons as soon as they are fetched, before the rest is in and checked (the map tiles them). */
  earlyRegions = $state.raw<RegionCollection | null>(null);
  /** Every file is in; checking and indexing follow (the map draws nothing more until the data are on it). */
  fetched = $state(false);
  /** The incident count the map layer's manifest announces, before the incidents are in (null: none yet). */
  expectedIncidents = $state<number | null>(null);
  /** What is inconsistent in the loaded files, in words (the map shows the rest). */
  problems = $state.raw<string[]>([]);
  /**
   * Every risk row, checked. With the slim layer they come after the map's first drawing (`loadRisk`): until then
   * `riskStatus` is 'loading' and the table, the shading by risk rows and the zip export say so or wait.
   */
  riskAll = $state.raw<RiskRowOut[]>([]);
  /**
   * The side panels (filters, time strip, list, table) are drawn: after the map's first drawing of the data, so
   * that their DOM and layout (0.5-1 s at 20k articles) do not delay it; the header's count comes with the data.
   */
  panels = $state(false);
  /** The map was created (MapView): it calls `afterFirstDraw`; without one the panels come with the data. */
  mapCreated = false;
  riskStatus = $state<'loading' | 'ready' | 'error'>('loading');
  riskError = $state<string | null>(null);
  private riskLater: (() => Promise<RiskRowOut[]>) | null = null;
  private riskPromise: Promise<void> | null = null;

  filters = $state<FilterState>(emptyFilters());
  incident = $state<string | null>(null);
  region = $state<string | null>(null);
  claim = $state<string | null>(null);
  /** Order of the incident list: newest first by default. */
  listSort = $state<ListSort>('newest');
  measure = $state<Measure>('claims');
  level = $state<RegionLevel>('country');
  sort = $state<{ key: SortKey; desc: boolean }>({ key: 'incidents', desc: true });
  view = $state.raw<View | null>(null);
  /** Asks the map to fly somewhere (set by panels, read by the map). */
  fly = $state.raw<FlyTarget | null>(null);
  /** Last filter pass in ms (not reactive), read by the benchmark. */
  lastFilterMs = 0;

  filtered: Filtered = $derived.by(() => {
    const d = this.data;
    const f = $state.snapshot(this.filters);
    if (!d) return { mask: new Uint8Array(0), count: 0, version: ++version };
    const t0 = performance.now();
    const mask = new Uint8Array(d.ix.n);
    const count = filterMask(d.ix, f, mask);
    this.lastFilterMs = performance.now() - t0;
    return { mask, count, version: ++version };
  });

  // Each panel's rows under the filters (lib/rows.ts); the panels only render them.
  /** Counts beside each filter value and in the legend. */
  counts: FacetCounts | null = $derived(this.data ? facetCounts(this.data.ix, this.filtered.mask) : null);

  risk: RiskRowOut[] = $derived(this.data ? riskRows(this.riskAll, this.filters) : []);

  stats: RegionStats | null = $derived(
    this.data ? regionStats(this.data.ix, this.data.rx, this.filtered.mask, this.risk) : null,
  );

  /** Regions with filtered incidents or risk rows: the table's rows and the export's region indicators. */
  regionRows: RegionRow[] = $derived(
    this.data && this.stats ? regionRows(this.data.rx, this.stats, this.risk) : [],
  );

  /** Per table row, the other rows that count some of the same incidents or lie in its country. */
  overlaps: ReadonlyMap<string, RegionOverlap[]> = $derived(
    this.data ? regionOverlaps(this.data.rx, this.filtered.mask, this.regionRows) : NO_OVERLAPS,
  );

  /** The region table: narrowed to the selected region, sorted. */
  tableRows: RegionRow[] = $derived(
    this.data ? tableRows(this.regionRows, this.data.rx, this.region, this.sort) : [],
  );

  /** The incident list, narrowed to the selected region. */
  incidentList: { items: IncidentFeature[]; total: number } = $derived(
    this.data
      ? incidentList(this.data.ix, this.data.rx, this.filtered.mask, this.region, undefined, this.listSort)
      : { items: [], total: 0 },
  );

  /** Event sentences with no place under the filters (listed, not mapped). */
  unlocated: UnlocatedOut[] = $derived(this.data ? unlocatedRows(this.data.unlocated, this.filters) : []);

  selectedIncident: IncidentFeature | null = $derived.by(() => {
    const d = this.data;
    const i = d && this.incident ? d.ix.byId.get(this.incident) : undefined;
    return i === undefined || !d ? null : d.ix.features[i]!;
  });

  hasFilters = $derived(!isEmptyFilter(this.filters));

  async load(loader: Loader = fetchData): Promise<void> {
    this.status = 'loading';
    try {
      // marks for the first-load benchmark (tests/bench/map/first-load.ts): where the time goes
      const raw = await loader(
        (r) => (this.earlyRegions = r),
        (n) => (this.expectedIncidents = n),
      );
      performance.mark('sahel:fetched');
      this.fetched = true;
      // between the long steps, let the map's worker messages in (its sources' data, the tiles they ask for),
      // so that it tiles the regions and the basemap while the incidents are checked and indexed
      await nextTask();
      const checked = checkData(raw);
      performance.mark('sahel:checked');
      await nextTask();
      this.problems = checked.problems;
      this.riskLater = raw.riskLater ?? null;
      this.riskPromise = null;
      this.riskAll = checked.data.risk;
      this.riskStatus = this.riskLater ? 'loading' : 'ready';
      this.data = prepare(checked.data);
      performance.mark('sahel:indexed');
      this.status = 'ready';
      // the map calls `afterFirstDraw` after its first drawing; without a map at once, a map that does not draw
      // (a hidden tab) is not waited for long
      if (!this.mapCreated) this.afterFirstDraw();
      else setTimeout(() => this.afterFirstDraw(), FIRST_DRAW_WAIT_MS);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }

  /** The map has drawn the data once: the panels, then what was left for later (the risk rows). */
  afterFirstDraw(): void {
    if (this.status !== 'ready') return;
    if (!this.panels) {
      this.panels = true;
      performance.mark('sahel:panels');
    }
    if (this.riskLater) void this.loadRisk();
  }

  /** Fetches and checks the risk rows left for later (once; a failure is said in the table and the export). */
  loadRisk(): Promise<void> {
    const later = this.riskLater;
    const d = this.data;
    if (!later || !d) return Promise.resolve();
    this.riskPromise ??= (async () => {
      try {
        const rows = await later();
        const checked = checkRisk(rows, d.regions);
        if (checked.problems.length) this.problems = [...this.problems, ...checked.problems];
        this.riskAll = checked.data;
        this.riskStatus = 'ready';
      } catch (e) {
        this.riskError = e instanceof Error ? e.message : String(e);
        this.riskStatus = 'error';
      }
    })();
    return this.riskPromise;
  }

  /** The export set: incidents that pass the filters, in index order. */
  filteredFeatures(): IncidentFeature[] {
    return this.data ? exportSet(this.data.ix, this.filtered.mask) : [];
  }

  selectIncident(id: string | null, fly = false): void {
    this.incident = id;
    this.claim = null;
    if (id && fly) this.fly = { kind: 'incident', id, seq: (this.fly?.seq ?? 0) + 1 };
  }

  selectRegion(id: string | null, fly = false): void {
    this.region = id;
    if (id && fly) this.fly = { kind: 'region', id, seq: (this.fly?.seq ?? 0) + 1 };
  }

  clearFilters(): void {
    this.filters = emptyFilters();
  }

  toggle(field: 'actors' | 'eventTypes' | 'modalities' | 'impacts' | 'sources', value: string): void {
    const list = this.filters[field];
    const i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
    else list.push(value);
  }

  dateRange(): [number, number] | null {
    const d = this.data;
    return d && d.dayMin !== NO_DAY ? [d.dayMin, d.dayMax] : null;
  }

  // ---------------------------------------------------------------- URL

  urlState(): UrlState {
    return {
      view: this.view,
      filters: $state.snapshot(this.filters),
      incident: this.incident,
      region: this.region,
      claim: this.claim,
      measure: this.measure,
      level: this.level,
      sort: $state.snapshot(this.sort),
    };
  }

  applyUrl(s: UrlState): void {
    this.view = s.view;
    this.filters = s.filters;
    this.incident = s.incident;
    this.region = s.region;
    this.claim = s.claim;
    this.measure = s.measure;
    this.level = s.level;
    this.sort = s.sort;
  }

  /** Search string without the parts that change continuously (view, dates, typing): those replace, the rest push. */
  static discreteKey(s: UrlState): string {
    return toSearch({ ...s, view: null, filters: { ...s.filters, dateFrom: null, dateTo: null, q: '' } });
  }

  static fromLocation(search: string): UrlState {
    return search ? fromSearch(search) : defaultUrlState();
  }
}
