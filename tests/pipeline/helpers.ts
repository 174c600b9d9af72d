// Shared test setup: the real gazetteer and lexicons, the bundled corpus, built once per test file.
import { join } from 'node:path';
import { loadContext, readCorpus, ROOT } from '../../scripts/lib/load.ts';
import { buildCorpus, type BuildResult } from '../../src/pipeline/build.ts';
import { processDoc } from '../../src/pipeline/index.ts';
import type { RawDoc } from '../../src/pipeline/types.ts';

export const ctx = loadContext();

let built: BuildResult | null = null;
export function sampleBuild(): BuildResult {
  if (!built) {
    const { docs } = readCorpus(join(ROOT, 'geodata/sources'));
    built = buildCorpus(docs, ctx);
  }
  return built;
}

export function doc(
  text: string,
  published: string | null = '2025-09-19',
  format: RawDoc['format'] = 'txt',
): RawDoc {
  return { id: 'test', file: 'test.txt', format, text, meta: { title: 'Test', publisher: null, published } };
}

export function run(text: string, published: string | null = '2025-09-19') {
  return processDoc(doc(text, published), ctx);
}
