// Seeded synthetic corpus for the benchmark: article-shaped text (headings, paragraphs, list items, a risk table,
// a "Related content" block, some HTML debris) built from sentence templates, with place names drawn from the
// gazetteer and actor names from the lexicon, so it exercises the same code paths as the sample corpus.
import calendar from '../../geodata/lexicon/calendar.json';
import type { RawDoc } from '../../src/pipeline/types.ts';

/** mulberry32: a tiny, fast, seedable PRNG (public domain). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusVocabulary {
  /** Towns and villages (gazetteer names). */
  towns: string[];
  /** Admin-1 regions and vernacular regions ("central Mali"). */
  regions: string[];
  /** Country names. */
  countries: string[];
  /** Demonyms ("Malian"). */
  demonyms: string[];
  /** Actor aliases from the lexicon ("JNIM", "Wagner Group", "soldiers"). */
  actors: string[];
}

export interface CorpusOptions {
  seed: number;
  /** Stop once the corpus holds at least this many UTF-8 bytes. */
  targetBytes: number;
  /** Average article size in bytes (the sample's is about 7.5 KB). */
  docBytes?: number;
}

/** Month names as articles write them, from the one month list (geodata/lexicon/calendar.json). */
const MONTHS = calendar.months.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

type Pick = <T>(xs: readonly T[]) => T;

const SENTENCES: ((p: Pick, r: () => number) => string)[] = [
  (p, r) =>
    `On ${1 + Math.floor(r() * 28)} ${p(MONTHS)} ${2015 + Math.floor(r() * 10)}, ${p(A)} attacked an army post in ${p(T)}, killing ${2 + Math.floor(r() * 40)} soldiers.`,
  (p) => `${cap(p(A))} clashed with ${p(A)} near ${p(T)} in the ${p(R)} region, according to local sources.`,
  (p, r) =>
    `At least ${3 + Math.floor(r() * 60)} civilians were killed when gunmen raided ${p(T)} and ${p(T)}.`,
  (p) => `Residents of ${p(T)} fled towards ${p(T)} after ${p(A)} fighters burned the market.`,
  (p) =>
    `${p(D)} officials in ${p(T)} said the ${p(A)} could expand its operations into ${p(C)} in the coming months.`,
  (p) => `The withdrawal of ${p(A)} from ${p(C)} may leave a security vacuum across ${p(R)}.`,
  (p) => `${cap(p(A))} claimed responsibility for an ambush on a convoy between ${p(T)} and ${p(T)}.`,
  (p) => `Analysts compare the situation in ${p(R)} to the crisis that shook ${p(C)} a decade ago.`,
  (p, r) =>
    `Protesters gathered in ${p(T)} on ${1 + Math.floor(r() * 28)} ${p(MONTHS)} to denounce the presence of ${p(A)}.`,
  (p) => `The ${p(D)} government accused ${p(A)} of supplying weapons to groups operating around ${p(T)}.`,
  (p) => `Humanitarian agencies warned that access to ${p(T)} and the wider ${p(R)} region remains limited.`,
  (p) => `Fuel shortages in ${p(T)} have worsened since the blockade imposed by ${p(A)}.`,
];

// Sentences without place names, so the mention density is close to the sample's (about 8 mentions per KB).
const FILLER = [
  'Analysts said the situation remained fragile and that the coming months would be decisive for the transition.',
  'The government has repeatedly promised to restore state authority and to reopen schools that were closed.',
  'Observers note that the security forces lack helicopters, intelligence and the trust of local communities.',
  'Humanitarian organisations say that funding covers less than a third of the needs identified this year.',
  'Diplomats described the talks as frank, but no agreement was announced at the end of the meeting.',
  'Local leaders called for dialogue and warned that reprisals against herders would only fuel recruitment.',
  'Prices of food and fuel have risen sharply, and many families now eat only one meal a day.',
  'The junta dismissed the criticism as foreign interference and said it would pursue its own strategy.',
];

const HEADINGS = [
  (p: Pick) => `Security Outlook for ${p(R)}`,
  (p: Pick) => `How ${p(A)} Reshaped the Conflict in ${p(C)}`,
  (p: Pick) => `Regional Consequences Beyond ${p(C)}`,
  (p: Pick) => `Humanitarian Situation Around ${p(T)}`,
];

// Vocabularies bound per corpus (set in generateCorpus; module-level to keep the templates short).
let T: string[] = [];
let R: string[] = [];
let C: string[] = [];
let D: string[] = [];
let A: string[] = [];
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function table(p: Pick): string {
  const rows = [`Region | Impact | Potential global risk |`, `---|---|---|`];
  for (let i = 0; i < 4; i++)
    rows.push(
      `${p(R)} | ${p(['Displacement', 'Fuel crisis', 'School closures', 'Casualties'])} | ${p(['High', 'Medium', 'Low'])} |`,
    );
  return rows.join('\n');
}

function article(p: Pick, r: () => number, targetBytes: number): string {
  const parts: string[] = [`${HEADINGS[Math.floor(r() * HEADINGS.length)]!(p)}`];
  let bytes = 0;
  let paragraph = 0;
  while (bytes < targetBytes) {
    if (paragraph > 0 && paragraph % 4 === 0) parts.push(HEADINGS[Math.floor(r() * HEADINGS.length)]!(p));
    const n = 3 + Math.floor(r() * 4);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      sentences.push(r() < 0.6 ? p(FILLER) : SENTENCES[Math.floor(r() * SENTENCES.length)]!(p, r));
    }
    let text = sentences.join(' ');
    if (r() < 0.15) text = `- ${text}`;
    if (r() < 0.05) text = `<p>${text}&nbsp;</p>`;
    parts.push(text);
    if (paragraph === 2 && r() < 0.5) parts.push(table(p));
    bytes += Buffer.byteLength(text);
    paragraph++;
  }
  if (r() < 0.3)
    parts.push(
      'Related content',
      `Migration routes through ${p(T)} under scrutiny`,
      `Europe weighs its options on ${p(C)}`,
    );
  return parts.join('\n');
}

/** Generate articles until the corpus reaches targetBytes. Same seed and vocabulary, same corpus. */
export function generateCorpus(vocab: CorpusVocabulary, opts: CorpusOptions): RawDoc[] {
  const r = mulberry32(opts.seed);
  const p: Pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  T = vocab.towns;
  R = vocab.regions.length ? vocab.regions : vocab.countries;
  C = vocab.countries;
  D = vocab.demonyms.length ? vocab.demonyms : ['Malian'];
  A = vocab.actors;
  if (!T.length || !C.length || !A.length) throw new Error('generateCorpus: empty vocabulary');
  const docBytes = opts.docBytes ?? 7500;
  const docs: RawDoc[] = [];
  let total = 0;
  for (let i = 0; total < opts.targetBytes; i++) {
    const size = Math.min(docBytes * (0.5 + r()), Math.max(600, opts.targetBytes - total));
    const text = article(p, r, size);
    total += Buffer.byteLength(text);
    const id = `syn_${String(i).padStart(6, '0')}`;
    docs.push({
      id,
      file: `${id}.txt`,
      format: 'txt',
      text,
      meta: { title: null, publisher: null, published: '2024-06-01' },
    });
  }
  return docs;
}
