/*
 * Words for a small full-text index that answers the same on SQLite and PostgreSQL: every word of a
 * text is stored as a term, and a query word matches the terms it is a prefix of. The terms are folded
 * (lower case, accents dropped) so "Antrean", "antrean" and "antréan" are one word; a prefix match lets
 * "antre" find "antrean" and "antrenya", the suffixes Bahasa Indonesia adds most.
 */

const MAX_TERM = 64;
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** Folds a text to the form terms are stored in: NFKD, without combining marks, lower case. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en');
}

/**
 * The distinct terms of some texts, in the order they first appear.
 * @example searchTerms(['Antrean panjang!', 'kasir']) // ['antrean', 'panjang', 'kasir']
 */
export function searchTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of foldText(text).split(WORD_BREAK)) {
      if (word !== '') terms.add(word.slice(0, MAX_TERM));
    }
  }
  return [...terms];
}

/**
 * The range of terms a query word is a prefix of, as [from, to) in code point order, which is the
 * byte order of UTF-8 that both databases compare a binary ("C") text column by.
 * @example prefixRange('kop') // { from: 'kop', to: 'koq' }
 */
export function prefixRange(word: string): { from: string; to: string } {
  const points = [...word];
  const last = points.pop()!;
  return { from: word, to: points.join('') + String.fromCodePoint(last.codePointAt(0)! + 1) };
}
