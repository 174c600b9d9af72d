// The pipeline, stage by stage. Imports read like the table of contents:
// clean -> segment -> mentions -> resolve -> claims -> features.
export { cleanDoc } from './clean.ts';
export { segment } from './segment.ts';
export { buildSpotter, spotMentions } from './mentions.ts';
export { resolveMentions } from './resolve.ts';
export { extractClaims, extractRiskRows } from './claims/index.ts';
export { findUnknownPlaces } from './unknown.ts';
export { toFeatures } from './features.ts';
export { processDoc, buildCorpus } from './build.ts';
export type * from './types.ts';
