// Several incidents at one point (src/app/lib/stacks.ts): grouped once, counted under the filters, listed newest first.
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/app/lib/model.ts';
import { buildStacks, stackFeatures, stackMembers } from '../../src/app/lib/stacks.ts';
import { syntheticIncidents } from '../bench/map/synthetic.ts';

const { incidents } = syntheticIncidents({ n: 400, seed: 7, anchors: true });
const ix = buildIndex(incidents);
const st = buildStacks(ix);
const all = new Uint8Array(ix.n).fill(1);
const at = (i: number) => ix.features[i]!.geometry?.coordinates.join() ?? null;

describe('stacks', () => {
  it('groups exactly the points that hold two or more incidents', () => {
    const byPoint = new Map<string, number[]>();
    ix.features.forEach((_, i) => {
      const k = at(i);
      if (k) byPoint.set(k, [...(byPoint.get(k) ?? []), i]);
    });
    const shared = [...byPoint.values()].filter((g) => g.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(st.members.offsets.length - 1).toBe(shared.length);
    for (const g of shared) for (const i of g) expect(stackMembers(ix, st, all, i).sort()).toEqual(g.sort());
    const alone = [...byPoint.values()].find((g) => g.length === 1)![0]!;
    expect(st.of[alone]).toBe(-1);
    expect(stackMembers(ix, st, all, alone)).toEqual([alone]);
  });

  it('one badge per shared point with its filtered count, none once a single incident is left', () => {
    const fc = stackFeatures(ix, st, all);
    expect(fc.features.length).toBe(st.members.offsets.length - 1);
    for (const f of fc.features) {
      const members = stackMembers(ix, st, all, f.properties.fid);
      expect(f.properties.here).toBe(members.length);
      expect(f.properties.label).toBe(String(members.length));
      expect(f.geometry.coordinates.join()).toBe(at(f.properties.fid));
      // the badge's incident is the newest there (what a click opens)
      expect(f.properties.fid).toBe(members[0]);
    }
    // hide all but one member of the first stack: its badge goes, the others stay
    const first = fc.features[0]!;
    const members = stackMembers(ix, st, all, first.properties.fid);
    const mask = all.slice();
    for (const i of members.slice(1)) mask[i] = 0;
    const after = stackFeatures(ix, st, mask);
    expect(after.features.length).toBe(fc.features.length - 1);
    expect(after.features.some((f) => at(f.properties.fid) === at(first.properties.fid))).toBe(false);
    expect(stackMembers(ix, st, mask, members[1]!)).toEqual([members[0]]);
    expect(stackFeatures(ix, st, new Uint8Array(ix.n)).features).toEqual([]);
  });

  it('lists members newest first, undated last', () => {
    for (const f of stackFeatures(ix, st, all).features) {
      const ends = stackMembers(ix, st, all, f.properties.fid).map((i) => ix.dayEnd[i]!);
      expect(ends).toEqual([...ends].sort((a, b) => b - a));
    }
  });
});
