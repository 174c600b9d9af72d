// The build report as written: report.json with the input warnings (sources.json, custom places, decoding,
// ids) beside the skipped files, and report.txt with every name escaped, so that a file called "a\n== b.txt"
// or one holding a terminal escape code cannot forge or rewrite a line of it.

import type { BuildReport } from '../../src/pipeline/contract.ts';
import { summarize } from '../../src/pipeline/report.ts';
import { escapeControls } from './escape.ts';

export interface InputWarning {
  file: string;
  why: string;
}

/** Characters JSON.stringify leaves as they are but a line of text should not hold (dropped text is quoted). */
const BEYOND_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeStrings<T extends object>(item: T, except?: string): T {
  const out = { ...item } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) {
    if (typeof v !== 'string') continue;
    out[k] =
      k === except
        ? v.replace(BEYOND_JSON, (c) => `\\u{${(c.codePointAt(0) as number).toString(16).toUpperCase()}}`)
        : escapeControls(v);
  }
  return out as T;
}

/** report.json's content: the pipeline's report, and `warnings` when there are any (a clean corpus has none). */
export function reportJson(
  report: BuildReport,
  warnings: readonly InputWarning[],
): BuildReport & { warnings?: InputWarning[] } {
  return warnings.length ? { ...report, warnings: [...warnings] } : report;
}

/** report.txt: the pipeline's summary of a copy whose names are escaped, then the input warnings. */
export function reportText(report: BuildReport, warnings: readonly InputWarning[]): string {
  const safe: BuildReport = {
    ...report,
    documents: report.documents.map((d) => escapeStrings(d)),
    mentions: report.mentions.map((m) => escapeStrings(m)),
    unlocated: report.unlocated.map((u) => escapeStrings(u)),
    dropped: report.dropped.map((x) => escapeStrings(x, 'text')),
  };
  let text = summarize(safe);
  if (warnings.length) {
    const lines = ['', 'Input warnings:'];
    for (const w of warnings) lines.push(`  ${escapeControls(w.file)}: ${escapeControls(w.why)}`);
    text += `${lines.join('\n')}\n`;
  }
  return text;
}
