// A token trie over folded words: one pass over a text finds every dictionary phrase that starts at each word.
// Written here rather than taken from an Aho–Corasick package because the measured package ran at 8.5 MB/s
// without word boundaries and 0.08 MB/s with them (target: 20 MB/s); matching whole tokens gives word
// boundaries, accent folding and "Al-Qaeda" = "Al Qaeda" for free.

import { tokenize, nameKeys, type Token } from './text.ts';

interface Node {
  next: Map<string, Node>;
  payloads: number[] | null;
}

export interface TrieMatch {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  start: number;
  end: number;
  payloads: number[];
}

export class TokenTrie {
  private root: Node = { next: new Map(), payloads: null };

  /** Add a phrase; payload is an index into the caller's own table. */
  add(phrase: string, payload: number): void {
    const keys = nameKeys(phrase);
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), payloads: null };
        node.next.set(key, child);
      }
      node = child;
    }
    if (!node.payloads) node.payloads = [];
    if (!node.payloads.includes(payload)) node.payloads.push(payload);
  }

  /** Every phrase occurrence (overlapping and nested ones included) in tokens of a folded text. */
  matchTokens(tokens: Token[]): TrieMatch[] {
    const out: TrieMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let node: Node | undefined = this.root;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get((tokens[j] as Token).key);
        if (node?.payloads) {
          out.push({
            first: i,
            last: j,
            start: (tokens[i] as Token).start,
            end: (tokens[j] as Token).end,
            payloads: node.payloads,
          });
        }
      }
    }
    return out;
  }

  match(folded: string): TrieMatch[] {
    return this.matchTokens(tokenize(folded));
  }
}
