// A reporter for measuring the suite, not part of it: each test file's whole time (import, which is where a shared
// context is loaded, plus its tests and hooks), slowest first, written as JSON when the run ends.
//   npx vitest run --reporter=default --reporter=./tests/setup/file-times.ts   (FILE_TIMES=path, default
//   .cache/file-times.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Row {
  file: string;
  project: string;
  total_s: number;
  import_s: number;
  tests_s: number;
}

export default class FileTimes implements Reporter {
  private rows: Row[] = [];

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const s = (ms: number) => Math.round(ms) / 1000;
    this.rows.push({
      file: relative(process.cwd(), module.moduleId),
      project: module.project.name,
      total_s: s(d.prepareDuration + d.setupDuration + d.collectDuration + d.duration),
      import_s: s(d.collectDuration),
      tests_s: s(d.duration),
    });
  }

  onTestRunEnd(): void {
    const out = process.env.FILE_TIMES ?? '.cache/file-times.json';
    mkdirSync(dirname(out), { recursive: true });
    this.rows.sort((a, b) => b.total_s - a.total_s);
    writeFileSync(out, `${JSON.stringify(this.rows, null, 1)}\n`);
  }
}
