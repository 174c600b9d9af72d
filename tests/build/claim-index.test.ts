// The claim index (src/pipeline/claim-index.ts) the grouping worker keeps instead of claim objects: every claim
// comes back as it went in (its sentence apart), in provenance order, and ids that are not 8 hex digits still
// sort as strings.
import { expect, it } from 'vitest';
import { loadContext, readCorpus, ROOT } from '../../scripts/lib/load.ts';
import { docOutput } from '../../src/pipeline/build.ts';
import { claimAt, ClaimIndexBuilder, idOf, isPackedClaims, packClaims } from '../../src/pipeline/claim-index.ts';
import { compareStrings } from '../../src/common/strings.ts';
import type { Claim } from '../../src/pipeline/types.ts';
import { join } from 'node:path';

const plain = (c: Claim) => {
  const { offset, ...rest } = c;
  return offset ? { ...rest, sentence: 0, offset } : { ...rest, sentence: 0 };
};

it('gives back every claim of the bundled corpus, sorted by source, offset and id', () => {
  const ctx = loadContext();
  const { docs } = readCorpus(join(ROOT, 'geodata/sources'));
  const claims = docs.flatMap((d) => docOutput(d, ctx).claims);
  expect(claims.length).toBeGreaterThan(10);
  // One id that is not 8 hex digits, to sort as a string among the others.
  claims.push({ ...(claims[0] as Claim), id: 'zz-odd', start: (claims[0] as Claim).start });
  const b = new ClaimIndexBuilder();
  claims.reverse().forEach((c, i) => expect(b.add(c, i % 4)).toBe(i));
  const ix = b.finish();
  expect(ix.n).toBe(claims.length);
  for (let p = 0; p < ix.n; p++) {
    const line = ix.line[p] as number;
    const c = claims[line] as Claim;
    expect(plain(claimAt(ix, p, c.text))).toEqual(plain(c));
    expect(ix.flags[p]).toBe(line % 4);
    expect(idOf(ix, p)).toBe(c.id);
  }
  const want = claims
    .map((c, i) => ({ c, i }))
    .sort(
      (x, y) =>
        compareStrings(x.c.sourceId, y.c.sourceId) ||
        x.c.start - y.c.start ||
        compareStrings(x.c.id, y.c.id) ||
        x.i - y.i,
    )
    .map((x) => x.i);
  expect([...ix.line]).toEqual(want);
}, 120_000);

it("packed claims (one document's at a time) make the very index that adding each claim makes", () => {
  const ctx = loadContext();
  const { docs } = readCorpus(join(ROOT, 'geodata/sources'));
  const perDoc = docs.map((d) => docOutput(d, ctx).claims);
  // An id that is not 8 hex digits, a claim with an offset of 0 km and one with its nullable fields null.
  const first = perDoc.find((l) => l.length > 1) as Claim[];
  const c0 = first[0] as Claim;
  first.push({ ...c0, id: 'zz-odd' }, { ...c0, id: 'abcdef01', offset: { km: 0, bearing: 90 } });
  first.push({
    ...c0,
    id: '00000001',
    subEventType: null,
    dateStart: null,
    dateEnd: null,
    timePrecision: null,
    fatalities: null,
    unlocatedName: 'Somewhere',
  });
  perDoc.push([]);
  const one = new ClaimIndexBuilder();
  perDoc.flat().forEach((c) => one.add(c, 0));
  const packed = new ClaimIndexBuilder();
  const told: [string, number][] = [];
  for (const l of perDoc) {
    const b = packClaims(l);
    expect(isPackedClaims(b)).toBe(true);
    packed.addPacked(b, (s, line) => told.push([s, line]));
  }
  expect(told).toEqual(perDoc.flat().map((c, i) => [c.sourceId, i]));
  expect(packed.n).toBe(one.n);
  expect(packed.finish()).toEqual(one.finish());
}, 120_000);

it('bytes that are not packed claims are refused', () => {
  const c = { sourceId: 's', id: '0000000a' } as Claim;
  expect(isPackedClaims(new TextEncoder().encode(JSON.stringify(c)))).toBe(false);
  const ctx = loadContext();
  const { docs } = readCorpus(join(ROOT, 'geodata/sources'));
  const claims = docs.flatMap((d) => docOutput(d, ctx).claims);
  const b = packClaims(claims);
  expect(() => new ClaimIndexBuilder().addPacked(b.subarray(0, b.length - 8), () => {})).toThrow();
  expect(() => new ClaimIndexBuilder().addPacked(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), () => {})).toThrow();
}, 120_000);
