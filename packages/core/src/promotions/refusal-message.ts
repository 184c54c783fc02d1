import { assertUnreachable } from '../assert.ts';
import type { PromotionRefusal } from './promotion-refusal.ts';

export type MessageLanguage = 'id' | 'en';

const DAY_NAMES: Record<MessageLanguage, readonly string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** `Rp 15.000`, the Indonesian way, in both languages (the currency is the shop's). */
export function formatRupiah(amount: number): string {
  return new Intl.NumberFormat('id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);
}

function formatInstant(at: number, lang: MessageLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

const list = (items: readonly string[], lang: MessageLanguage) =>
  new Intl.ListFormat(lang === 'id' ? 'id-ID' : 'en-GB', { type: 'disjunction' }).format(items);

/**
 * The sentence a cashier reads out to the customer when a promotion does not apply, in the customer's
 * language; dates in the branch's zone.
 *
 * @example
 * refusalMessage({ code: 'below_min_spend', values: { minSpend: 100_000, short: 12_000 } }, 'id', 'Asia/Jakarta')
 * // 'Belanja minimal Rp 100.000; kurang Rp 12.000 lagi.'
 */
export function refusalMessage(refusal: PromotionRefusal, lang: MessageLanguage, timeZone: string): string {
  const id = lang === 'id';
  switch (refusal.code) {
    case 'unknown_code':
      return id
        ? `Kode ${refusal.values.code} tidak dikenal.`
        : `The code ${refusal.values.code} does not exist.`;
    case 'inactive':
      return id ? 'Promo ini sedang tidak aktif.' : 'This promotion is not active.';
    case 'not_yet_valid': {
      const at = formatInstant(refusal.values.startsAt, lang, timeZone);
      return id
        ? `Promo ini belum berlaku; mulai ${at}.`
        : `This promotion is not valid yet; it starts ${at}.`;
    }
    case 'expired': {
      const at = formatInstant(refusal.values.endsAt, lang, timeZone);
      return id ? `Promo ini sudah berakhir pada ${at}.` : `This promotion expired on ${at}.`;
    }
    case 'wrong_day': {
      const days = list(
        refusal.values.days.map((d) => DAY_NAMES[lang][d]!),
        lang,
      );
      return id ? `Promo ini hanya berlaku hari ${days}.` : `This promotion is valid on ${days} only.`;
    }
    case 'outside_hours': {
      const { from, to } = refusal.values;
      return id
        ? `Promo ini hanya berlaku pukul ${from}–${to}.`
        : `This promotion is valid from ${from} to ${to} only.`;
    }
    case 'wrong_branch': {
      const where = list(refusal.values.branches, lang);
      return id ? `Promo ini hanya berlaku di ${where}.` : `This promotion is valid at ${where} only.`;
    }
    case 'customer_required':
      return id
        ? 'Promo ini untuk pelanggan terdaftar; pilih pelanggannya dulu.'
        : 'This promotion is for known customers; choose the customer first.';
    case 'not_your_code':
      return id ? 'Kode ini milik pelanggan lain.' : 'This code was issued to another customer.';
    case 'wrong_segment':
      return id
        ? `Promo ini khusus segmen ${list(refusal.values.segments, lang)}.`
        : `This promotion is for the ${list(refusal.values.segments, lang)} segment only.`;
    case 'wrong_tier':
      return id
        ? `Promo ini khusus anggota ${list(refusal.values.tiers, lang)}.`
        : `This promotion is for ${list(refusal.values.tiers, lang)} members only.`;
    case 'limit_reached':
      return id
        ? `Kuota promo ini sudah habis (${refusal.values.limit} kali).`
        : `This promotion has been used up (${refusal.values.limit} uses).`;
    case 'customer_limit_reached':
      return id
        ? `Pelanggan ini sudah memakai promo ini ${refusal.values.limit} kali, batas per pelanggan.`
        : `This customer has used this promotion ${refusal.values.limit} times, the limit per customer.`;
    case 'no_eligible_products': {
      const names = [...refusal.values.products, ...refusal.values.categories];
      return id
        ? `Promo ini hanya untuk ${list(names, lang)}; tidak ada di keranjang.`
        : `This promotion is for ${list(names, lang)} only; none is in the cart.`;
    }
    case 'free_item_missing': {
      const { product, quantity } = refusal.values;
      return id
        ? `Tambahkan ${quantity} ${product} ke keranjang untuk mendapatkannya gratis.`
        : `Add ${quantity} ${product} to the cart to get it free.`;
    }
    case 'below_min_spend': {
      const min = formatRupiah(refusal.values.minSpend);
      const short = formatRupiah(refusal.values.short);
      return id
        ? `Belanja minimal ${min}; kurang ${short} lagi.`
        : `The minimum spend is ${min}; ${short} more is needed.`;
    }
    case 'not_combinable':
      return id
        ? `Promo ini tidak bisa digabung dengan ${refusal.values.other}.`
        : `This promotion cannot be combined with ${refusal.values.other}.`;
    case 'already_applied':
      return id ? 'Promo ini sudah dipakai di pesanan ini.' : 'This promotion is already on this order.';
    default:
      return assertUnreachable(refusal);
  }
}
