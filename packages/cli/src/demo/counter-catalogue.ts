import type { BusinessProfile } from './business-profile.types.ts';

/** What a product costs the business, as a share of its price, by category. */
const COST_SHARE: Record<string, number> = {
  Kopi: 0.3,
  'Non-Kopi': 0.32,
  Pastry: 0.45,
  Makanan: 0.4,
  Literan: 0.35,
  'Biji Kopi': 0.6,
  Merchandise: 0.55,
  Minuman: 0.5,
};

export interface CatalogueItem {
  sku: string;
  name: string;
  category: string;
  price: number;
  cost: number;
  unit: string;
  /** Retail goods sit on a shelf and are counted; drinks and food are made to order. */
  trackStock: boolean;
  barcode?: string;
}

/** Goods on the shelf beside the menu, bought as an add-on to a guest's order. */
export const RETAIL_GOODS: readonly CatalogueItem[] = [
  {
    sku: 'KN-DRIP-5',
    name: 'Drip Bag Kopi Nusantara isi 5',
    category: 'Biji Kopi',
    price: 45_000,
    cost: 24_000,
    unit: 'box',
    trackStock: true,
    barcode: '8997001100015',
  },
  {
    sku: 'KN-TMB-500',
    name: 'Tumbler Kopi Nusantara 500 ml',
    category: 'Merchandise',
    price: 120_000,
    cost: 62_000,
    unit: 'pcs',
    trackStock: true,
    barcode: '8997001100022',
  },
  {
    sku: 'KN-AIR-600',
    name: 'Air Mineral 600 ml',
    category: 'Minuman',
    price: 8_000,
    cost: 3_500,
    unit: 'botol',
    trackStock: true,
    barcode: '8997001100039',
  },
];

/** The coffee chain's menu with costs, and its retail goods: beans on the shelf are counted too. */
export function counterCatalogue(business: BusinessProfile): CatalogueItem[] {
  const menu = business.products.map(([p]): CatalogueItem => {
    const retail = p.category === 'Biji Kopi';
    return {
      sku: p.sku,
      name: p.name,
      category: p.category,
      price: p.price,
      cost: Math.round((p.price * (COST_SHARE[p.category] ?? 0.4)) / 100) * 100,
      unit: retail
        ? 'bungkus'
        : p.category === 'Literan'
          ? 'botol'
          : p.category === 'Kopi' || p.category === 'Non-Kopi'
            ? 'cup'
            : 'porsi',
      trackStock: retail,
    };
  });
  return [...menu, ...RETAIL_GOODS];
}

/** Who works the counter at each outlet (by the outlet's code): three cashiers and the manager. */
export const STAFF: Record<string, { cashiers: readonly string[]; manager: string }> = {
  KMG: { cashiers: ['Dewi Lestari', 'Rizky Pratama', 'Ayu Kartika'], manager: 'Bima Santoso' },
  MTG: { cashiers: ['Putri Handayani', 'Fajar Nugroho', 'Sinta Maharani'], manager: 'Hendra Wijaya' },
  DGO: { cashiers: ['Asep Sunarya', 'Neng Rina', 'Ujang Permana'], manager: 'Yuni Kurniasih' },
};

export const REFUND_REASONS = [
  'Minuman tumpah sebelum diminum',
  'Pesanan salah dibuat',
  'Rasa tidak sesuai, pelanggan minta uang kembali',
  'Pastry sudah tidak segar',
] as const;
