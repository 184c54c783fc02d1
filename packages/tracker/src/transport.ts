import type { SendMode, SendResult } from './tracker.ts';

const KEEPALIVE_LIMIT = 64_000;

/**
 * Posts a batch to Jejak as text/plain, a CORS-safelisted type: any site may send it without a
 * preflight, and the write key travels in the body. While the page is going away a beacon carries it
 * (the browser sends it after the page is gone); where there is none, a keepalive fetch does.
 */
export function browserSend(endpoint: string): (body: string, mode: SendMode) => Promise<SendResult> {
  return async (body, mode) => {
    if (mode === 'beacon' && typeof navigator.sendBeacon === 'function') {
      try {
        if (navigator.sendBeacon(endpoint, new Blob([body], { type: 'text/plain' }))) return 'sent';
      } catch {
        // Some browsers throw on a beacon to another origin; the keepalive fetch below is the fallback.
      }
    }
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain' },
        credentials: 'omit',
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
      if (response.ok) return 'sent';
      return response.status === 429 || response.status >= 500 ? 'failed' : 'refused';
    } catch {
      return 'failed';
    }
  };
}
