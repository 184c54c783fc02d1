import { describe, expect, it } from 'vitest';
import { campaignFromSearch } from '../src/campaign.ts';
import { firstPartyStore, sessionStore, type CookieJar } from '../src/store.ts';

/** document.cookie's behaviour: writing one cookie sets or replaces it, reading gives them all. */
function aCookieJar(): CookieJar & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  return {
    cookies,
    read: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    write: (cookie) => {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attributes.some((a) => a.trim() === 'max-age=0')) cookies.delete(name);
      else cookies.set(name, value);
    },
  };
}

/** A Storage that refuses everything, as Safari's private mode once did. */
const refusing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
} as unknown as Storage;

function aStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  } as unknown as Storage;
}

describe('firstPartyStore', () => {
  it('keeps ids in localStorage and in a first-party cookie beside it', () => {
    const cookies = aCookieJar();
    const local = aStorage();
    const store = firstPartyStore(local, cookies);
    store.set('jejak.anonymousId', 'a-1');
    expect(local.getItem('jejak.anonymousId')).toBe('a-1');
    expect(cookies.cookies.get('jejak_anonymousId')).toBe('a-1');
    expect(store.get('jejak.anonymousId')).toBe('a-1');
  });

  it('falls back on the cookie when localStorage is refused or was cleared', () => {
    const cookies = aCookieJar();
    const store = firstPartyStore(refusing, cookies);
    store.set('jejak.userId', 'c 42/ä');
    expect(store.get('jejak.userId')).toBe('c 42/ä');
    expect(firstPartyStore(aStorage(), cookies).get('jejak.userId')).toBe('c 42/ä');
    store.remove('jejak.userId');
    expect(store.get('jejak.userId')).toBeNull();
  });

  it('answers null, never throws, when neither is there', () => {
    const store = firstPartyStore(undefined, undefined);
    store.set('k', 'v');
    expect(store.get('k')).toBeNull();
  });
});

describe('sessionStore', () => {
  it('keeps values in memory for the page when sessionStorage is refused', () => {
    const store = sessionStore(refusing);
    store.set('jejak.campaign', '{}');
    expect(store.get('jejak.campaign')).toBe('{}');
  });
});

describe('campaignFromSearch', () => {
  it('reads the five UTM parameters under Segment’s names', () => {
    expect(
      campaignFromSearch(
        '?utm_source=google&utm_medium=cpc&utm_campaign=ramadan&utm_term=kopi+susu&utm_content=a',
      ),
    ).toEqual({ source: 'google', medium: 'cpc', name: 'ramadan', term: 'kopi susu', content: 'a' });
  });

  it('is null without UTM parameters, or with empty ones', () => {
    expect(campaignFromSearch('?ukuran=besar')).toBeNull();
    expect(campaignFromSearch('?utm_source=')).toBeNull();
    expect(campaignFromSearch('')).toBeNull();
  });
});
