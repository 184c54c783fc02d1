import type { FastifyInstance } from 'fastify';
import { referralCodeOf, type ReferralReward } from '@jejak/core';
import type { Services } from '../services.ts';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function offer(reward: ReferralReward | null): string {
  if (reward === null) return 'Tunjukkan kode ini ke kasir saat belanja pertama Anda.';
  if (reward.type === 'points') return `Belanja pertama Anda dapat ${reward.points} poin loyalitas.`;
  return 'Belanja pertama Anda dapat voucher belanja berikutnya.';
}

/**
 * GET /ajak/:code: public by design, the link a customer shares. Counts the visit, keeps the code in a
 * first-party cookie (`jejak_ref`, 30 days) for the site's tracker to send as `context.referrer`, and
 * shows a short page in Bahasa Indonesia: the business, the friend's offer, the code to show the cashier.
 */
export function registerReferralLanding(app: FastifyInstance, services: Services): void {
  app.get('/ajak/:code', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const raw = (request.params as { code: string }).code;
    if (raw.length < 3 || raw.length > 32) return reply.status(404).send();
    const landing = await services.referrals.landing(referralCodeOf(raw));
    if (!landing) {
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(page('Kode tidak ditemukan', '<p>Kode referal ini tidak dikenal. Periksa lagi tautannya.</p>'));
    }
    const body =
      `<p class="shop">${escape(landing.shop)}</p>` +
      `<h1>${landing.referrerName ? `${escape(landing.referrerName)} mengajak Anda!` : 'Anda diajak belanja!'}</h1>` +
      `<p>${landing.enabled ? escape(offer(landing.friendReward)) : 'Program ajak teman sedang tidak aktif.'}</p>` +
      `<p>Kode referal Anda</p><p class="code">${escape(landing.code)}</p>` +
      '<p class="muted">Sebutkan kode ini ke kasir, atau daftar di situs kami dari perangkat ini.</p>';
    return reply
      .header('cache-control', 'no-store')
      .header(
        'set-cookie',
        `jejak_ref=${encodeURIComponent(landing.code)}; Path=/; Max-Age=${30 * 86_400}; SameSite=Lax`,
      )
      .type('text/html; charset=utf-8')
      .send(page(`Ajakan dari ${landing.shop}`, body));
  });
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;background:#f6f4ef;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}main{background:#fff;border-radius:12px;padding:32px;max-width:420px;text-align:center;box-shadow:0 2px 12px #0001}.shop{font-weight:600;color:#7a5c2e}.code{font-size:2rem;letter-spacing:.2em;font-weight:700;margin:8px 0}.muted{color:#666;font-size:.9rem}</style></head><body><main>${body}</main></body></html>`;
}
