// The pipeline in the order it runs: the one list of stages that the build (build.ts, over a corpus), the
// evaluation (scripts/eval.ts) and the bench (tests/bench/run.ts) all run. Each document goes through STAGES;
// then the corpus's claims become incidents (features.ts), and build.ts assembles the report and the outputs.

import { extractClaims, extractRiskRows } from './claims/index.ts';
import { cleanDoc } from './clean.ts';
import type { PipelineContext } from './context.ts';
import { spotMentions, type Spotted } from './mentions.ts';
import { resolveMentions } from './resolve.ts';
import { assignRoles } from './roles.ts';
import { segment } from './segment.ts';
import type {
  Claim,
  CleanDoc,
  RawDoc,
  Resolution,
  RiskRow,
  Segmented,
  Span,
  UnlocatedEvent,
} from './types.ts';
import { findUnknownPlaces } from './unknown.ts';

/** One document's results, filled stage by stage: each stage reads what the stages before it wrote. */
export interface DocResult {
  doc: RawDoc;
  clean: CleanDoc;
  segmented: Segmented;
  spotted: Spotted;
  /** Every mention's resolution; the unknown stage adds the names the gazetteer lacks. */
  resolutions: Resolution[];
  /** Names the gazetteer lacks (status 'unknown'), and the bracketed hierarchies that only describe a place. */
  unknown: Resolution[];
  context: Span[];
  claims: Claim[];
  unlocated: UnlocatedEvent[];
  riskRows: RiskRow[];
}

export interface DocStage {
  name: string;
  run(d: DocResult, ctx: PipelineContext): void;
}

export const STAGES = [
  // HTML, debris and page furniture out; every cleaned character keeps its original offset.
  {
    name: 'clean',
    run: (d, ctx) => {
      d.clean = cleanDoc(d.doc, ctx);
    },
  },
  // Sentences and tables.
  {
    name: 'segment',
    run: (d) => {
      d.segmented = segment(d.clean);
    },
  },
  // Places, demonyms, actors and non-location phrases in one trie pass; non-places rejected.
  {
    name: 'mentions',
    run: (d, ctx) => {
      d.spotted = spotMentions(d.clean.text, d.segmented.sentences, ctx);
    },
  },
  // Each place mention's gazetteer entry, or ambiguous, or none.
  {
    name: 'resolve',
    run: (d, ctx) => {
      d.resolutions = resolveMentions(d.spotted.mentions, ctx, d.clean.text, d.spotted.actors);
    },
  },
  // Names the gazetteer lacks, from how the text introduces them.
  {
    name: 'unknown',
    run: (d, ctx) => {
      const found = findUnknownPlaces(d.clean.text, d.segmented.sentences, d.resolutions, d.spotted, ctx);
      d.resolutions = found.resolutions;
      d.unknown = found.unknown;
      d.context = found.context;
    },
  },
  // What each resolved place does in its sentence: event place, dateline, reference, origin, source, name.
  {
    name: 'roles',
    run: (d, ctx) => {
      assignRoles(d.clean.text, d.segmented.sentences, d.resolutions, ctx.words.roles);
    },
  },
  // Event claims (type, actors, date, fatalities, modality, place), and the event sentences left without a place.
  {
    name: 'claims',
    run: (d, ctx) => {
      const out = extractClaims(
        {
          unknown: d.unknown,
          context: d.context,
          sourceId: d.doc.id,
          text: d.clean.text,
          published: d.doc.meta.published,
          sentences: d.segmented.sentences,
          resolutions: d.resolutions,
          actors: d.spotted.actors,
          tokens: d.spotted.tokens,
          headingsAreText: d.spotted.headingsAreText,
        },
        ctx,
      );
      d.claims = out.claims;
      d.unlocated = out.unlocated;
    },
  },
  // Rows of region-keyed tables.
  {
    name: 'risk',
    run: (d, ctx) => {
      d.riskRows = extractRiskRows(d.doc.id, d.segmented, ctx);
    },
  },
] as const satisfies readonly DocStage[];

export type StageName = (typeof STAGES)[number]['name'];

/**
 * Run one document through STAGES. `onStage`, when given, is told each stage's wall time in milliseconds (the
 * bench); without it nothing is timed.
 */
export function processDoc(
  doc: RawDoc,
  ctx: PipelineContext,
  onStage?: (stage: StageName, ms: number) => void,
): DocResult {
  // Filled in by the stages, in order: no stage reads a field a stage before it has not written.
  const d = { doc } as DocResult;
  for (const stage of STAGES) {
    if (!onStage) {
      stage.run(d, ctx);
      continue;
    }
    const t0 = performance.now();
    stage.run(d, ctx);
    onStage(stage.name, performance.now() - t0);
  }
  return d;
}

/** After every document: the corpus's claims grouped into incidents across sources. */
export { toFeatures } from './features.ts';
export type * from './types.ts';
