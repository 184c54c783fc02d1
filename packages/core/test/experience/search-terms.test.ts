import { describe, expect, it } from 'vitest';
import { foldText, prefixRange, searchTerms } from '../../src/experience/search-terms.ts';

describe('interview search terms', () => {
  it('folds case and accents so one word is one term', () => {
    expect(foldText('Antréan KASIR')).toBe('antrean kasir');
    expect(searchTerms(['Antrean panjang!', 'antréan, kasir'])).toEqual(['antrean', 'panjang', 'kasir']);
  });

  it('splits on anything but letters and digits, keeping words of other scripts and numbers', () => {
    expect(searchTerms(['harga-naik 15.000 ; kopi_susu', 'コーヒー'])).toEqual([
      'harga',
      'naik',
      '15',
      '000',
      'kopi',
      'susu',
      'コーヒー',
    ]);
  });

  it('answers the range of terms a word is a prefix of', () => {
    expect(prefixRange('kop')).toEqual({ from: 'kop', to: 'koq' });
    const { from, to } = prefixRange('antre');
    for (const term of ['antre', 'antrean', 'antrenya']) expect(term >= from && term < to).toBe(true);
    for (const term of ['antra', 'antrf', 'bantre']) expect(term >= from && term < to).toBe(false);
  });
});
