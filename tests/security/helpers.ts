// Shared by the security tests: run the build CLI on a folder the test writes itself, read what it wrote.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/load.ts';

const cli = join(ROOT, 'scripts/build-data.ts');

export const temp = (name: string) => mkdtempSync(join(tmpdir(), `sahel-${name}-`));

/** One build; a hang (a FIFO, /dev/zero) ends as a failed status after `timeout` instead of blocking the suite. */
export function build(args: string[], timeout = 120_000) {
  // node --import tsx: what the tsx command runs, without its wrapper process (a timeout kills the build itself)
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, '--quiet', ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export interface Outputs {
  sources: { id: string; file: string; title: string | null; text: string }[];
  report: {
    documents: { id: string; file: string; status: string; why: string | null }[];
    warnings?: { file: string; why: string }[];
  };
  reportTxt: string;
  all: string;
}

/** The outputs of a build in `out`, and all their text together (to search for leaked content). */
export function outputs(out: string): Outputs {
  const read = (f: string) => (existsSync(join(out, f)) ? readFileSync(join(out, f), 'utf8') : '');
  const files = [
    'incidents.geojson',
    'risk.json',
    'sources.json',
    'report.json',
    'report.txt',
    'unlocated.json',
  ];
  return {
    sources: JSON.parse(read('sources.json')) as Outputs['sources'],
    report: JSON.parse(read('report.json')) as Outputs['report'],
    reportTxt: read('report.txt'),
    all: files.map(read).join('\n'),
  };
}

/** The reason the report gives for skipping `file` (undefined when it was not skipped). */
export function skipReason(o: Outputs, file: string): string | undefined {
  return o.report.documents.find((d) => d.file === file && d.status === 'skipped')?.why ?? undefined;
}

export const ARTICLE =
  'Gunmen attacked the town of Gao on 2 May 2024, killing three soldiers, the army said.\n\nResidents fled.\n';
