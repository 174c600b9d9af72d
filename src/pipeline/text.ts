// Text helpers shared by the stages: accent/case folding that keeps offsets, and word tokens.

const foldCache = new Map<number, number>();

/** Fold one UTF-16 code unit to a lower-case, accent-free code unit (same length, so offsets survive). */
function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  let out = code;
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x00b4)
    out = 39; // ’ ‘ ʼ ´ -> ' (the ASCII backtick is answered above and stays)
  else if (code >= 0x2010 && code <= 0x2015)
    out = 45; // dashes -> -
  else if (code === 0x00a0) out = 32;
  else if (code < 0xd800 || code > 0xdfff) {
    const base = String.fromCharCode(code).normalize('NFD').toLowerCase();
    const first = base.charCodeAt(0);
    out = Number.isNaN(first) ? code : first;
    if (code === 0x00df) out = 115; // ß -> s (length kept)
    if (code === 0x0153 || code === 0x0152) out = 111; // œ -> o
    if (code === 0x00e6 || code === 0x00c6) out = 97; // æ -> a
  }
  foldCache.set(code, out);
  return out;
}

/** Lower-case, strip accents, unify apostrophes and dashes; output has exactly the input's length. */
/**
 * Spacing-free folded key: accents, case, spaces, hyphens and apostrophes do not count, so "Bani Bangou",
 * "Banibangou" and "BANI-BANGOU" share one key (the layers' keys, ambiguous-names.json's, OSM towns').
 */
export function spacingFreeKey(name: string): string {
  // ASCII (most names): lower-case letters and digits kept by one loop, the same as the regex keeps; the
  // resolver asks this of nearly every mention since the village layers, and the Unicode regex was most of it.
  // (A name of ASCII letters and digits alone, most of them, is its own lower case: one string, not one per letter.)
  let plain = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) {
      plain = false;
      break;
    }
  }
  if (plain) return name.toLowerCase();
  let key = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return fold(name).replace(/[^\p{L}\p{N}]+/gu, '');
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) key += name.charAt(i);
    else if (c >= 65 && c <= 90) key += String.fromCharCode(c + 32);
  }
  return key;
}

export function fold(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) ascii = false;
  if (ascii) return text.toLowerCase();
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = foldCode(text.charCodeAt(i));
  let out = '';
  // Chunked to stay below the argument limit of fromCharCode.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** Does text[start, end) fold (see fold) to `folded`? The same answer as fold(text.slice(start, end)) === folded. */
export function foldsTo(text: string, start: number, end: number, folded: string): boolean {
  if (end - start !== folded.length) return false;
  for (let k = 0; k < folded.length; k++) {
    const code = text.charCodeAt(start + k);
    const f = code < 128 ? (code >= 65 && code <= 90 ? code + 32 : code) : foldCode(code);
    if (f !== folded.charCodeAt(k)) return false;
  }
  return true;
}

/** True for code units that belong to a word: letters (any script), digits. */
export function isWordCode(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  if (code === 0x2019 || code === 0x00a0 || (code >= 0x2000 && code <= 0x206f)) return false;
  return code >= 0xc0;
}

export interface Token {
  start: number;
  end: number;
  /** Folded text of the token. */
  key: string;
}

/** Word tokens of an already folded text. Punctuation separates tokens and is dropped ("Al-Qaeda" = "Al Qaeda"). */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const word = i < folded.length && isWordCode(folded.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      tokens.push({ start, end: i, key: folded.slice(start, i) });
      start = -1;
    }
  }
  return tokens;
}

/**
 * Interned folded words (a dictionary's vocabulary), found in raw text without building a string per token: the
 * tokenizer hashes the folded code units as it scans and compares them with the stored word on a hash hit.
 */
export class WordTable {
  private readonly words: string[] = [];
  /**
   * Open addressing, two ints per slot: the word's full hash, then its id + 1 (0 for an empty slot). Most tokens
   * of a text are not in the table; comparing hashes first settles them without touching a stored string.
   */
  private slots = new Int32Array(2 * 1024);
  /**
   * One bit per value of the hash's low 20 bits, set for every word held: a token whose bit is clear is
   * not in the table, answered from 128 KB instead of a probe into the slots (2 MB with the village layers).
   */
  private readonly seen = new Int32Array(SEEN_WORDS);

  get size(): number {
    return this.words.length;
  }

  /** The word with this id. */
  word(id: number): string {
    return this.words[id] as string;
  }

  /** The probe table and the words, for the tokenizer's inlined lookup (see find). */
  internals(): { slots: Int32Array; seen: Int32Array; list: readonly string[] } {
    return { slots: this.slots, seen: this.seen, list: this.words };
  }

  /** The id of a folded word, added if new. */
  intern(word: string): number {
    const found = this.idOf(word);
    if (found >= 0) return found;
    const id = this.words.length;
    this.words.push(word);
    // At most three quarters full: a miss ends within a probe or three, mostly in one cache line, and the
    // table stays small enough to stay in cache.
    if (this.words.length * 8 > this.slots.length * 3) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  /** The id of a folded word, or -1. (The tokenizer has its own copy of this probe, folding as it compares.) */
  idOf(word: string): number {
    const hash = hashWord(word);
    if (((this.seen[(hash >>> 5) & SEEN_MASK] as number) & (1 << (hash & 31))) === 0) return -1;
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let at = slotOf(hash, mask); ; at = (at + 2) & mask) {
      const entry = slots[at + 1] as number;
      if (entry === 0) return -1;
      if (slots[at] === hash && this.words[entry - 1] === word) return entry - 1;
    }
  }

  private place(id: number): void {
    const hash = hashWord(this.words[id] as string);
    const mask = this.slots.length - 2;
    let at = slotOf(hash, mask);
    while (this.slots[at + 1] !== 0) at = (at + 2) & mask;
    this.slots[at] = hash;
    this.slots[at + 1] = id + 1;
    const bit = (hash >>> 5) & SEEN_MASK;
    this.seen[bit] = (this.seen[bit] as number) | (1 << (hash & 31));
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}

/** The word table's bit set: 2^20 bits (128 KB), indexed by the hash's low 20 bits. */
const SEEN_WORDS = 1 << 15;
const SEEN_MASK = SEEN_WORDS - 1;

/** First slot (an even index) of a hash: the high bits mixed in, since FNV's low bits alone spread poorly. */
function slotOf(hash: number, mask: number): number {
  return ((hash ^ (hash >>> 15)) << 1) & mask;
}

function hashWord(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/**
 * For each UTF-16 code unit: 0 if it separates words, else its folded code unit (foldCode); UNSET until first
 * seen. One table load per code unit replaces isWordCode + foldCode in the tokenizer, the spotter's hottest loop
 * (a third of its time before); the table fills lazily, so the 128 KB are touched only where text has characters.
 */
const WORD_FOLD = new Uint16Array(65536).fill(0xffff);
const UNSET = 0xffff;

function fillWordFold(code: number): number {
  const f = isWordCode(code) ? foldCode(code) : 0;
  WORD_FOLD[code] = f;
  return f;
}

/** The folded code unit of a word character, 0 for a separator. */
function wordFold(code: number): number {
  const f = WORD_FOLD[code] as number;
  return f === UNSET ? fillWordFold(code) : f;
}

const HASH_SEED = 0x811c9dc5 | 0;
/** One FNV-1a step over a UTF-16 code unit. */
function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** Word tokens of a text as parallel arrays: offsets, and the id of each token's folded key in a WordTable. */
export class WordTokens {
  constructor(
    readonly words: WordTable,
    readonly start: Int32Array,
    readonly end: Int32Array,
    /** Word id in the table, -1 for a word the table does not hold. */
    readonly word: Int32Array,
    readonly count: number,
  ) {}

  /** The folded key of token i if the table holds it, else '' (for comparing with words known to be held). */
  knownKey(i: number): string {
    const id = this.word[i] as number;
    return id >= 0 ? this.words.word(id) : '';
  }
}

/**
 * Word tokens of raw text with their word ids: the same tokens as tokenize(fold(text)), each keyed by the id of
 * its folded text, in one pass with no string or object per token. One function with the table probe written
 * out: as separate calls (find, push) the same loop ran at half the speed.
 */
export function tokenizeWords(text: string, words: WordTable): WordTokens {
  const n = text.length;
  // English runs at about one token per 6.5 characters; the arrays grow if a text is denser.
  // The three arrays share one buffer: one allocation instead of three (each is an ArrayBuffer off the heap).
  let capacity = ((n / 5) | 0) + 16;
  let buffer = new ArrayBuffer(12 * capacity);
  let starts = new Int32Array(buffer, 0, capacity);
  let ends = new Int32Array(buffer, 4 * capacity, capacity);
  let ids = new Int32Array(buffer, 8 * capacity, capacity);
  let count = 0;
  const { slots, seen, list } = words.internals();
  const mask = slots.length - 2;
  let i = 0;
  while (i < n) {
    let f = wordFold(text.charCodeAt(i));
    if (f === 0) {
      i++;
      continue;
    }
    // A word: hash its folded code units on the way (fold keeps lengths), then look it up once.
    const start = i;
    let h = HASH_SEED;
    do {
      h = hashStep(h, f);
      if (++i === n) break;
      f = wordFold(text.charCodeAt(i));
    } while (f !== 0);
    let id = -1;
    // (A clear bit: not in the table. Most tokens absent from the vocabulary end here.)
    if (((seen[(h >>> 5) & SEEN_MASK] as number) & (1 << (h & 31))) !== 0)
      for (let at = slotOf(h, mask); ; at = (at + 2) & mask) {
        const entry = slots[at + 1] as number;
        if (entry === 0) break;
        if (slots[at] !== h) continue;
        const word = list[entry - 1] as string;
        if (word.length !== i - start) continue;
        let k = 0;
        while (k < word.length && word.charCodeAt(k) === wordFold(text.charCodeAt(start + k))) k++;
        if (k === word.length) {
          id = entry - 1;
          break;
        }
      }
    if (count === capacity) {
      capacity = capacity * 2;
      buffer = new ArrayBuffer(12 * capacity);
      starts = grown(starts, buffer, 0, capacity);
      ends = grown(ends, buffer, 1, capacity);
      ids = grown(ids, buffer, 2, capacity);
    }
    starts[count] = start;
    ends[count] = i;
    ids[count] = id;
    count++;
  }
  return new WordTokens(words, starts, ends, ids, count);
}

/** The `part`-th array of `size` in a new shared buffer, holding a's values (zeros after them, as before). */
function grown(a: Int32Array, buffer: ArrayBuffer, part: number, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(buffer, 4 * part * size, size);
  b.set(a);
  return b;
}

/** Folded token keys of a name, for building tries. */
export function nameKeys(name: string): string[] {
  return tokenize(fold(name)).map((t) => t.key);
}

/** FNV-1a 32-bit hash as 8 hex chars: stable ids without a crypto dependency (the pipeline stays pure and browser-safe). */
export function hashId(...parts: (string | number | null)[]): string {
  let h = 0x811c9dc5;
  const s = parts.map((p) => (p === null ? '' : String(p))).join('\u241f');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
