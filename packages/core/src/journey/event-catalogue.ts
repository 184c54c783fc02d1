import { deepFreeze } from './deep-freeze.ts';

/** What an event can do under the default rules: move a customer to a stage, or count as a bad experience. */
export type CatalogueEffect =
  'awareness' | 'consideration' | 'purchase' | 'experience' | 'retention' | 'advocacy' | 'negative';

export interface CatalogueEntry {
  name: string;
  /** Every effect the event can have; which one applies depends on its properties and the customer's state. */
  feeds: readonly CatalogueEffect[];
  description: { id: string; en: string };
}

const entry = (name: string, feeds: CatalogueEffect[], id: string, en: string): CatalogueEntry => ({
  name,
  feeds,
  description: { id, en },
});

/**
 * Every event name the default rules know, with what it feeds. Any other tracked event still counts as a
 * first touchpoint (awareness); the names listed for awareness only are common examples worth sending.
 *
 * @example
 * EVENT_CATALOGUE.find((e) => e.name === 'Review Posted')?.feeds; // ['experience', 'advocacy', 'negative']
 */
export const EVENT_CATALOGUE: readonly CatalogueEntry[] = deepFreeze([
  entry(
    'Page Viewed',
    ['awareness', 'consideration'],
    'Halaman situs dibuka (produk, harga, perbandingan: pertimbangan)',
    'A web page was viewed (product, pricing, comparison: consideration)',
  ),
  entry('Screen Viewed', ['awareness'], 'Layar aplikasi dibuka', 'An app screen was viewed'),
  entry('Ad Clicked', ['awareness'], 'Iklan diklik', 'An ad was clicked'),
  entry('Store Visited', ['awareness'], 'Datang ke toko', 'Walked into a store'),
  entry('Referral Link Opened', ['awareness'], 'Tautan referal dibuka', 'A referral link was opened'),
  entry('Referred', ['awareness'], 'Datang lewat referal teman', 'Was referred by a friend or an affiliate'),
  entry('Product Viewed', ['consideration'], 'Melihat produk', 'Viewed a product'),
  entry('Product Added', ['consideration'], 'Menambah produk ke keranjang', 'Added a product to the cart'),
  entry(
    'Product Added to Wishlist',
    ['consideration'],
    'Menambah produk ke daftar keinginan',
    'Added a product to the wishlist',
  ),
  entry('Cart Viewed', ['consideration'], 'Melihat keranjang', 'Viewed the cart'),
  entry('Checkout Started', ['consideration'], 'Mulai checkout', 'Started checkout'),
  entry('Products Searched', ['consideration'], 'Mencari produk', 'Searched for products'),
  entry('Product Compared', ['consideration'], 'Membandingkan produk', 'Compared products'),
  entry(
    'Inquiry Received',
    ['consideration'],
    'Bertanya lewat chat, WhatsApp atau telepon',
    'Asked a question by chat, WhatsApp or phone',
  ),
  entry(
    'Content Viewed',
    ['consideration'],
    'Membaca konten (studi kasus, perbandingan) dengan stage = consideration',
    'Viewed content (case study, comparison) with stage = consideration',
  ),
  entry(
    'Order Completed',
    ['purchase', 'retention'],
    'Pesanan selesai (penjualan kasir atau pesanan online); dihitung sebagai pembelian',
    'An order was completed (POS sale or online order); counted as a purchase',
  ),
  entry('Order Delivered', ['experience'], 'Pesanan diterima pelanggan', 'The order was delivered'),
  entry('Order Picked Up', ['experience'], 'Pesanan diambil di toko', 'The order was picked up'),
  entry(
    'Ticket Opened',
    ['experience', 'negative'],
    'Tiket layanan dibuka (kategori complaint: pengalaman buruk)',
    'A support ticket was opened (category complaint: a bad experience)',
  ),
  entry('Ticket Resolved', ['experience'], 'Tiket layanan diselesaikan', 'A support ticket was resolved'),
  entry(
    'Survey Responded',
    ['experience', 'advocacy', 'negative'],
    'Survei dijawab (NPS 9-10: advokasi; NPS 0-6, CSAT 1-2 atau CES 1-3: pengalaman buruk)',
    'A survey was answered (NPS 9-10: advocacy; NPS 0-6, CSAT 1-2 or CES 1-3: a bad experience)',
  ),
  entry(
    'Review Posted',
    ['experience', 'advocacy', 'negative'],
    'Ulasan ditulis (4-5 bintang: advokasi; 1-2 bintang: pengalaman buruk)',
    'A review was posted (4-5 stars: advocacy; 1-2 stars: a bad experience)',
  ),
  entry(
    'Reviews Viewed',
    ['awareness'],
    'Widget ulasan tampil di situs bisnis (bukti sosial)',
    "The reviews widget was shown on the business's site (social proof)",
  ),
  entry(
    'Review Clicked',
    ['awareness'],
    'Ulasan di widget diklik untuk dibaca lengkap',
    'A review in the widget was clicked to read it in full',
  ),
  entry('Feedback Given', ['experience'], 'Memberi masukan', 'Gave feedback'),
  entry('Points Earned', ['retention'], 'Mendapat poin loyalitas', 'Earned loyalty points'),
  entry('Points Redeemed', ['retention'], 'Menukar poin loyalitas', 'Redeemed loyalty points'),
  // Beside the order's Order Completed, which is what moves the journey; a fact for timelines and segments.
  entry('Voucher Redeemed', [], 'Memakai voucher atau promo', 'Redeemed a voucher or promotion'),
  entry('Tier Changed', ['retention'], 'Tingkat keanggotaan berubah', 'The loyalty tier changed'),
  entry('Tier Upgraded', ['retention'], 'Naik tingkat keanggotaan', 'Moved up a loyalty tier'),
  entry('Tier Downgraded', ['retention'], 'Turun tingkat keanggotaan', 'Moved down a loyalty tier'),
  entry(
    'Referral Converted',
    ['advocacy'],
    'Orang yang direferensikan jadi membeli',
    'A referred person bought',
  ),
  entry('Product Shared', ['advocacy'], 'Membagikan produk', 'Shared a product'),
  entry('Cart Shared', ['advocacy'], 'Membagikan keranjang', 'Shared a cart'),
  entry('Order Refunded', ['negative'], 'Pesanan dikembalikan dananya', 'The order was refunded'),
  entry(
    'Churn Risk Predicted',
    [],
    'Peluang masih aktif dari model pembelian (dihitung ulang tiap malam); bisa menentukan status berisiko/berhenti',
    "The purchase model's probability the customer is still active (refitted nightly); may set at risk/churned",
  ),
  entry(
    'Response Target Missed',
    ['negative'],
    'Target waktu respons layanan terlewat',
    'A support response target was missed',
  ),
]);
