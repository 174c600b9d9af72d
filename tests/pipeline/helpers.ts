// Shared test setup: the real gazetteer and lexicons and the bundled corpus, built once per test worker (the unit
// project's workers are not isolated, vite.config.ts, so every file importing this module shares them).
import { join } from 'node:path';
import { loadContext, readCorpus, ROOT } from '../../scripts/lib/load.ts';
import { reportJson, reportText, type InputWarning } from '../../scripts/lib/report-text.ts';
import { buildCorpus, type BuildResult } from '../../src/pipeline/build.ts';
import type { BuildReport } from '../../src/pipeline/contract.ts';
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

export interface FolderBuild {
  incidents: BuildResult['incidents'];
  risk: BuildResult['risk'];
  sources: BuildResult['sources'];
  report: BuildReport & { warnings?: InputWarning[] };
  unlocated: BuildReport['unlocated'];
  reportTxt: string;
}

/**
 * What `npm run build:data -- --in dir` writes (incidents.geojson, risk.json, sources.json, report.json,
 * unlocated.json as parsed back from their JSON, and report.txt), built in this process with the shared context:
 * the same bytes as the CLI's (tests/build/cli-equals-memory.test.ts holds the two equal), without a process
 * start and a context load for each test that is about the pipeline, not the CLI.
 */
export function buildFolder(dir: string): FolderBuild {
  const { docs, problems } = readCorpus(dir);
  const skipped = problems.filter((p) => p.skipped).map(({ file, why }) => ({ file, why }));
  const warnings: InputWarning[] = [
    ...ctx.customErrors.map((why) => ({ file: 'custom-places.json', why })),
    ...problems.filter((p) => !p.skipped).map(({ file, why }) => ({ file, why })),
  ];
  const mem = buildCorpus(docs, ctx, { skipped });
  const written = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    incidents: written(mem.incidents),
    risk: written(mem.risk),
    sources: written(mem.sources),
    report: written(reportJson(mem.report, warnings)),
    unlocated: written(mem.report.unlocated),
    reportTxt: reportText(mem.report, warnings),
  };
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
