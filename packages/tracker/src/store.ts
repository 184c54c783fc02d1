/** Where the tracker keeps the visitor's ids between pages: first-party, on the site's own origin. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** document.cookie, seen as the one string it is. */
export interface CookieJar {
  read(): string;
  write(cookie: string): void;
}

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * localStorage, and a cookie beside it: a visitor whose browser refuses localStorage (some private
 * modes, storage turned off) keeps his anonymous id in the cookie, and one whose cookies are cleared
 * keeps it in localStorage. Reads prefer localStorage; writes go to both, each one allowed to fail.
 */
export function firstPartyStore(local: Storage | undefined, cookies: CookieJar | undefined): KeyValueStore {
  return {
    get(key) {
      return attempt(() => local?.getItem(key) ?? null) ?? (cookies ? readCookie(cookies, key) : null);
    },
    set(key, value) {
      attempt(() => local?.setItem(key, value));
      if (cookies) writeCookie(cookies, key, value, YEAR_SECONDS);
    },
    remove(key) {
      attempt(() => local?.removeItem(key));
      if (cookies) writeCookie(cookies, key, '', 0);
    },
  };
}

/** A store that lives as long as the page: for sessionStorage when the browser refuses it. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

/** sessionStorage where it works, memory where it does not. */
export function sessionStore(session: Storage | undefined): KeyValueStore {
  const memory = memoryStore();
  return {
    get: (key) => attempt(() => session?.getItem(key) ?? null) ?? memory.get(key),
    set: (key, value) => {
      if (attempt(() => session?.setItem(key, value)) === undefined) memory.set(key, value);
    },
    remove: (key) => {
      attempt(() => session?.removeItem(key));
      memory.remove(key);
    },
  };
}

function cookieName(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}

function readCookie(cookies: CookieJar, key: string): string | null {
  const name = `${cookieName(key)}=`;
  for (const part of attempt(() => cookies.read())?.split(';') ?? []) {
    const cookie = part.trim();
    if (cookie.startsWith(name)) return decodeURIComponent(cookie.slice(name.length)) || null;
  }
  return null;
}

function writeCookie(cookies: CookieJar, key: string, value: string, maxAge: number): void {
  attempt(() =>
    cookies.write(`${cookieName(key)}=${encodeURIComponent(value)}; path=/; max-age=${maxAge}; samesite=lax`),
  );
}

/** Storage access throws in some browsers (blocked storage, quota); the tracker must never throw. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read() ?? undefined;
  } catch {
    return undefined;
  }
}
