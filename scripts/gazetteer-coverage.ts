// Measure how much of an ACLED-format CSV the gazetteer can name and place.
// Evaluation only: reads the CSV by path, prints figures, writes nothing from it anywhere.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import type { Gazetteer, GazetteerEntry } from '../src/pipeline/types.ts';
import { readSahelLayer } from './geodata/sahel-format.ts';
import { haversineKm } from '../src/common/geo.ts';
import { compareStrings } from '../src/common/strings.ts';

const HELP = `gazetteer-coverage: how many gold place names of an ACLED-format CSV the gazetteer knows.

Usage: npx tsx scripts/gazetteer-coverage.ts CSV [--gazetteer FILE] [--json] [--missing N]

For each row, per country and overall:
  location/admin1/admin2/admin3  share of rows whose gold name matches an entry of that country
                                 (name or alias, accent-, case-, hyphen-insensitive)
  <=25km / <=161km               share of rows where the nearest same-name entry (oracle choice)
                                 lies within 25 / 161 km of the gold latitude/longitude
  top-pop <=25km                 the same, choosing the most populous same-name entry (no oracle)
Columns used: country, location, admin1, admin2, admin3, latitude, longitude.
Options:
  --gazetteer FILE  default geodata/gazetteer.json
  --json            print the figures as JSON
  --missing N       also list the N most frequent location names not found (printed only)
  --add FILE        also read a Sahel layer (geodata/gazetteer-sahel.json, geodata/osm-places-sahel.json); repeatable
  --only-added      places from the --add files alone (the gazetteer still gives the country names)
  --spacing-free    match names ignoring spaces too ("Bani Bangou" = "Banibangou"), as the Sahel layers' keys do`;

/** Set by --spacing-free: nameKey then drops spaces too. */
let spacingFree = false;

/** Accent-, case- and punctuation-insensitive key: "Gorom-Gorom" = "gorom gorom", "Ségou" = "segou". */
export function nameKey(s: string): string {
  const k = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[\s\-‐–—'.]+/g, ' ')
    .trim();
  return spacingFree ? k.replace(/[^\p{L}\p{N}]+/gu, '') : k;
}

interface Row {
  country: string;
  location: string;
  admin1: string;
  admin2: string;
  admin3: string;
  latitude: string;
  longitude: string;
}

interface Tally {
  rows: number;
  location: number;
  admin1: number;
  admin2: number;
  admin3: number;
  within25: number;
  within161: number;
  topPop25: number;
}

const FIELDS = ['location', 'admin1', 'admin2', 'admin3'] as const;

export function buildIndex(gaz: Gazetteer): {
  byCountryName: Map<string, GazetteerEntry[]>;
  countryCode: Map<string, string>;
} {
  const byCountryName = new Map<string, GazetteerEntry[]>();
  const countryCode = new Map<string, string>();
  for (const e of gaz.entries) {
    if (e.kind === 'country' && e.country) {
      for (const n of [e.name, ...e.aliases]) countryCode.set(nameKey(n), e.country);
    }
    if (!e.country) continue;
    for (const n of new Set([e.name, ...e.aliases].map(nameKey))) {
      const k = `${e.country}\u0000${n}`;
      const list = byCountryName.get(k);
      if (list) list.push(e);
      else byCountryName.set(k, [e]);
    }
  }
  return { byCountryName, countryCode };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      gazetteer: { type: 'string', default: 'geodata/gazetteer.json' },
      json: { type: 'boolean', default: false },
      missing: { type: 'string', default: '0' },
      add: { type: 'string', multiple: true, default: [] },
      'only-added': { type: 'boolean', default: false },
      'spacing-free': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const csvPath = positionals[0];
  if (values.help || !csvPath) {
    console.log(HELP);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const base = JSON.parse(readFileSync(values.gazetteer, 'utf8')) as Gazetteer;
  const kept = values['only-added'] ? base.entries.filter((e) => e.kind === 'country') : base.entries;
  const gaz: Gazetteer = { ...base, entries: [...kept, ...values.add.flatMap((f) => readSahelLayer(f))] };
  if (values['spacing-free']) spacingFree = true;
  const { byCountryName, countryCode } = buildIndex(gaz);
  const parsed = Papa.parse<Row>(readFileSync(csvPath, 'utf8'), { header: true, skipEmptyLines: true });
  if (!values.json)
    console.error(`coverage: ${parsed.data.length} rows from ${csvPath}, ${gaz.entries.length} entries`);

  const tallies = new Map<string, Tally>();
  const missing = new Map<string, number>();
  const tally = (c: string) => {
    let t = tallies.get(c);
    if (!t) {
      t = { rows: 0, location: 0, admin1: 0, admin2: 0, admin3: 0, within25: 0, within161: 0, topPop25: 0 };
      tallies.set(c, t);
    }
    return t;
  };
  for (const row of parsed.data) {
    const cc = countryCode.get(nameKey(row.country ?? '')) ?? '??';
    const ts = [tally(row.country || '??'), tally('ALL')];
    for (const t of ts) t.rows++;
    const lookup = (name: string | undefined) =>
      name ? (byCountryName.get(`${cc}\u0000${nameKey(name)}`) ?? []) : [];
    for (const f of FIELDS) if (lookup(row[f]).length) for (const t of ts) t[f]++;
    const cands = lookup(row.location);
    if (!cands.length && row.location) {
      const k = `${row.country}: ${row.location}`;
      missing.set(k, (missing.get(k) ?? 0) + 1);
    }
    const gold: [number, number] = [Number(row.longitude), Number(row.latitude)];
    if (!cands.length || !Number.isFinite(gold[0]) || !Number.isFinite(gold[1])) continue;
    const best = Math.min(...cands.map((e) => haversineKm(e.point, gold)));
    const top = [...cands].sort((a, b) => b.population - a.population || compareStrings(a.id, b.id))[0];
    for (const t of ts) {
      if (best <= 25) t.within25++;
      if (best <= 161) t.within161++;
      if (top && haversineKm(top.point, gold) <= 25) t.topPop25++;
    }
  }

  const order = [...tallies.keys()].filter((k) => k !== 'ALL').sort();
  order.push('ALL');
  const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '-');
  if (values.json) {
    const out = Object.fromEntries(
      order.map((k) => {
        const t = tallies.get(k) as Tally;
        return [k, { ...t }];
      }),
    );
    console.log(JSON.stringify(out, null, 2));
  } else {
    const head = [
      'country',
      'rows',
      'location%',
      'admin1%',
      'admin2%',
      'admin3%',
      '<=25km%',
      '<=161km%',
      'top-pop<=25km%',
    ];
    const lines = [head];
    for (const k of order) {
      const t = tallies.get(k) as Tally;
      lines.push([
        k,
        String(t.rows),
        pct(t.location, t.rows),
        pct(t.admin1, t.rows),
        pct(t.admin2, t.rows),
        pct(t.admin3, t.rows),
        pct(t.within25, t.rows),
        pct(t.within161, t.rows),
        pct(t.topPop25, t.rows),
      ]);
    }
    const widths = head.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
    for (const l of lines)
      console.log(
        l.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
      );
  }
  const nMissing = Number(values.missing) || 0;
  if (nMissing > 0) {
    const top = [...missing].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, nMissing);
    console.log(`\nmost frequent location names not found (${missing.size} distinct):`);
    for (const [k, n] of top) console.log(`  ${n}\t${k}`);
  }
}

main();
