// Text helpers shared by the stages: accent/case folding that keeps offsets, and word tokens.

const foldCache = new Map<number, number>();

/** Fold one UTF-16 code unit to a lower-case, accent-free code unit (same length, so offsets survive). */
function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  let out = code;
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x00b4 || code === 0x0060)
    out = 39; // ’ ‘ ʼ ´ ` -> '
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
 * Word tokens of raw text, each key folded on its own. Same tokens as tokenize(fold(text)) (folding never turns a
 * word character into a separator or back), but most tokens are ASCII and only need toLowerCase.
 */
export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const word = i < text.length && isWordCode(code);
    if (word) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code >= 128) ascii = false;
    } else if (start >= 0) {
      const raw = text.slice(start, i);
      tokens.push({ start, end: i, key: ascii ? raw.toLowerCase() : fold(raw) });
      start = -1;
    }
  }
  return tokens;
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

/** Round to 6 decimals (about 11 cm): deterministic coordinates. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
