// A token trie over folded words: one pass over a text finds every dictionary phrase that starts at each word.
// Written here rather than taken from an Aho–Corasick package because the measured package ran at 8.5 MB/s
// without word boundaries and 0.08 MB/s with them (target: 20 MB/s); matching whole tokens gives word
// boundaries, accent folding and "Al-Qaeda" = "Al Qaeda" for free.
// Words are interned: tokenizing a text looks each token up in the trie's vocabulary without building a string
// for it (see WordTable), and the trie steps on word ids through flat integer tables rather than objects and
// Maps, since these lookups, made for every token of every text, are most of the spotter's time.

import { nameKeys, tokenizeWords, WordTable, type WordTokens } from './text.ts';

/** Called once per phrase occurrence: its first and last token index (inclusive) and the phrase's index. */
export type MatchCallback = (first: number, last: number, phrase: number) => void;

export class TokenTrie {
  /** Every word of every phrase. */
  private readonly words = new WordTable();
  /** Node reached from the root by each word id, or -1. */
  private readonly rootChild: number[] = [];
  /** Per node: index of the phrase (token sequence) ending there, or -1. */
  private readonly phraseAt: number[] = [];
  /** Per node: how many edges leave it (most nodes are single-word names with none). */
  private readonly fanout: number[] = [];
  /** Edges below the root: (node, word id) -> child node. */
  private readonly edges = new EdgeTable();
  /** Payloads of each distinct phrase, by phrase index (phrases that fold to the same tokens share one). */
  private readonly payloadLists: number[][] = [];
  /** rootChild, phraseAt and fanout packed for scan; rebuilt when a phrase or word was added since. */
  private packed: { rootChild: Int32Array; nodes: Int32Array } | null = null;

  /** Add a phrase; payload is an index into the caller's own table. */
  add(phrase: string, payload: number): void {
    this.addKeys(nameKeys(phrase), payload);
  }

  /** Add a phrase by its folded tokens (nameKeys), when the caller has them already. */
  addKeys(keys: readonly string[], payload: number): void {
    if (keys.length === 0) return;
    this.packed = null;
    let node = -1;
    for (const key of keys) {
      const word = this.words.intern(key);
      while (this.rootChild.length < this.words.size) this.rootChild.push(-1);
      let child = node < 0 ? (this.rootChild[word] as number) : this.edges.get(node, word);
      if (child < 0) {
        child = this.phraseAt.length;
        this.phraseAt.push(-1);
        this.fanout.push(0);
        if (node < 0) this.rootChild[word] = child;
        else {
          this.edges.set(node, word, child);
          this.fanout[node] = (this.fanout[node] as number) + 1;
        }
      }
      node = child;
    }
    if (this.phraseAt[node] === -1) {
      this.phraseAt[node] = this.payloadLists.length;
      this.payloadLists.push([]);
    }
    const payloads = this.payloadLists[this.phraseAt[node] as number] as number[];
    if (!payloads.includes(payload)) payloads.push(payload);
  }

  /**
   * Add a folded word to the vocabulary without a phrase: its tokens then carry an id, so a caller that reads
   * context words gets the table's string for them (WordTokens.word) instead of folding a copy of each token.
   */
  addWord(word: string): void {
    this.words.intern(word);
    this.packed = null;
    while (this.rootChild.length < this.words.size) this.rootChild.push(-1);
  }

  /** The index of the phrase of exactly these folded tokens (nameKeys), or -1. */
  phraseOf(keys: readonly string[]): number {
    let node = -1;
    for (const key of keys) {
      const word = this.words.idOf(key);
      if (word < 0) return -1;
      node = node < 0 ? (this.rootChild[word] ?? -1) : this.edges.get(node, word);
      if (node < 0) return -1;
    }
    return node < 0 ? -1 : (this.phraseAt[node] as number);
  }

  /** The id of a folded word in the vocabulary, or -1. */
  wordId(word: string): number {
    return this.words.idOf(word);
  }

  /** Payloads by phrase index, in the order they were added. */
  phrases(): readonly (readonly number[])[] {
    return this.payloadLists;
  }

  /** Word tokens of a raw text with their ids in this trie's vocabulary, ready for scan. */
  tokenize(text: string): WordTokens {
    return tokenizeWords(text, this.words);
  }

  /**
   * Every phrase occurrence (overlapping and nested ones included) within tokens [from, to), by first token and
   * then by length. No allocation per token or per match: the hot loop of the spotter.
   */
  scan(tokens: WordTokens, from: number, to: number, onMatch: MatchCallback): void {
    const word = tokens.word;
    const { rootChild, nodes } = this.compiled();
    for (let i = from; i < to; i++) {
      const id = word[i] as number;
      let node = id >= 0 ? (rootChild[id] as number) : -1;
      for (let j = i; node >= 0;) {
        const phrase = nodes[2 * node] as number;
        if (phrase >= 0) onMatch(i, j, phrase);
        if (++j >= to || nodes[2 * node + 1] === 0) break;
        const next = word[j] as number;
        node = next >= 0 ? this.edges.get(node, next) : -1;
      }
    }
  }

  /**
   * The node tables as typed arrays, built after the last add: half the memory of number arrays, and phrase and
   * fanout side by side, so the scan touches one cache line per node while other stages evict the tables.
   */
  private compiled(): { rootChild: Int32Array; nodes: Int32Array } {
    if (this.packed) return this.packed;
    const nodes = new Int32Array(2 * this.phraseAt.length);
    for (let n = 0; n < this.phraseAt.length; n++) {
      nodes[2 * n] = this.phraseAt[n] as number;
      nodes[2 * n + 1] = this.fanout[n] as number;
    }
    this.packed = { rootChild: Int32Array.from(this.rootChild), nodes };
    return this.packed;
  }
}

/**
 * (node, word) -> child, open addressing over one Int32Array of [node, word, child + 1] triples, with a power-of-two
 * number of slots. Most lookups are misses ("the" followed by a word no name continues with); a 16 KB bit set of
 * the edges' hashes answers nearly all of them without touching the table.
 */
class EdgeTable {
  private slots = new Int32Array(3 * 1024);
  private mask = 1024 - 1;
  private size = 0;
  private readonly seen = new Int32Array(SEEN_BITS / 32);

  get(node: number, word: number): number {
    const h = edgeHash(node, word);
    if (((this.seen[(h >>> 5) & SEEN_WORDS_MASK] as number) & (1 << (h & 31))) === 0) return -1;
    const slots = this.slots;
    const mask = this.mask;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const child = slots[3 * at + 2] as number;
      if (child === 0) return -1;
      if (slots[3 * at] === node && slots[3 * at + 1] === word) return child - 1;
    }
  }

  set(node: number, word: number, child: number): void {
    // At most three quarters full: short probes, and a table small enough to stay in cache.
    if (4 * (this.size + 1) > 3 * (this.mask + 1)) this.rehash(2 * (this.mask + 1));
    this.insert(node, word, child);
    this.size++;
  }

  private insert(node: number, word: number, child: number): void {
    const h = edgeHash(node, word);
    const bits = (h >>> 5) & SEEN_WORDS_MASK;
    this.seen[bits] = (this.seen[bits] as number) | (1 << (h & 31));
    let at = h & this.mask;
    while (this.slots[3 * at + 2] !== 0) at = (at + 1) & this.mask;
    this.slots[3 * at] = node;
    this.slots[3 * at + 1] = word;
    this.slots[3 * at + 2] = child + 1;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(3 * capacity);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 3)
      if (old[at + 2] !== 0)
        this.insert(old[at] as number, old[at + 1] as number, (old[at + 2] as number) - 1);
  }
}

const SEEN_BITS = 1 << 17;
const SEEN_WORDS_MASK = SEEN_BITS / 32 - 1;

function edgeHash(node: number, word: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b);
  return (h ^ (h >>> 16)) >>> 0;
}
