// The bench, the build and the evaluation run one stage list (src/pipeline/index.ts): the timer sees every stage
// in order, and a timed run gives the same results as the build's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContext, readCorpus, ROOT } from '../../scripts/lib/load.ts';
import { buildCorpus } from '../../src/pipeline/build.ts';
import { processDoc, STAGES } from '../../src/pipeline/index.ts';
import { BENCH_STAGES } from './report.ts';

const ctx = loadContext();
const { docs } = readCorpus(join(ROOT, 'geodata/sources'));

describe('stage list', () => {
  it('is timed stage by stage, in order, each once', () => {
    const seen: string[] = [];
    processDoc(docs[0]!, ctx, (stage, ms) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      seen.push(stage);
    });
    expect(seen).toEqual(STAGES.map((s) => s.name));
    expect(seen).toContain('unknown');
    expect(BENCH_STAGES).toEqual([...seen, 'features']);
  });

  it('gives the build the same claims timed or not', () => {
    const timed = docs.flatMap((d) => processDoc(d, ctx, () => {}).claims.map((c) => c.id));
    const built = buildCorpus(docs, ctx).incidents.features.flatMap((f) =>
      f.properties.claims.map((c) => c.id),
    );
    expect([...built].sort()).toEqual([...new Set(timed)].sort());
    expect(built.length).toBe(timed.length);
  });
});
