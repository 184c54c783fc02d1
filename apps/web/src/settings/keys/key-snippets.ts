/*
 * What to paste where, once a key is made. The address is the one the dashboard is served from:
 * the Jejak server that takes the events (in production, its public https address).
 */

export function websiteTag(origin: string, writeKey: string): string {
  return `<script async src="${origin}/tracker.js" data-write-key="${writeKey}"></script>`;
}

export function websiteExample(): string {
  return ["jejak.track('Signed Up');", "jejak.identify('pelanggan-123', { email: 'budi@contoh.id' });"].join(
    '\n',
  );
}

export function serverExample(origin: string, writeKey: string): string {
  return [
    "import { Analytics } from '@segment/analytics-node';",
    '',
    `const analytics = new Analytics({ writeKey: '${writeKey}', host: '${origin}' });`,
    '',
    'analytics.track({',
    "  userId: 'pelanggan-123',",
    "  event: 'Order Completed',",
    "  properties: { total: 150000, currency: 'IDR' },",
    '});',
  ].join('\n');
}

export function secretKeyExample(origin: string, workspaceId: string, secretKey: string): string {
  return `curl -H "Authorization: Bearer ${secretKey}" ${origin}/api/v1/workspaces/${workspaceId}/journey/overview`;
}
