import type { SegmentOs } from './segment-message.types.ts';

/** Given names as they appear on Indonesian ID cards and WhatsApp profiles, split so surnames match. */
export const MALE_NAMES = [
  'Budi',
  'Agus',
  'Andi',
  'Rizky',
  'Fajar',
  'Eko',
  'Wahyu',
  'Dimas',
  'Yusuf',
  'Bayu',
  'Hendra',
  'Arif',
  'Gilang',
  'Aditya',
  'Reza',
  'Kevin',
  'Joko',
  'Bambang',
  'Slamet',
  'Imam',
  'Ilham',
  'Rudi',
  'Made',
  'Ketut',
  'Putu',
  'Tigor',
  'Benny',
  'Irfan',
  'Fikri',
  'Dani',
  'Yoga',
  'Hafiz',
  'Teguh',
  'Rangga',
  'Hadi',
  'Taufik',
] as const;

export const FEMALE_NAMES = [
  'Siti',
  'Dewi',
  'Rina',
  'Putri',
  'Ayu',
  'Nur',
  'Sri',
  'Indah',
  'Intan',
  'Ratna',
  'Fitri',
  'Lestari',
  'Nabila',
  'Anisa',
  'Maya',
  'Stefani',
  'Wulan',
  'Yuni',
  'Kartika',
  'Diah',
  'Citra',
  'Nadia',
  'Aulia',
  'Rahma',
  'Nyoman',
  'Febri',
  'Novi',
  'Mega',
  'Vina',
  'Tiara',
  'Salsabila',
  'Dinda',
  'Ika',
  'Evi',
  'Melati',
  'Laras',
] as const;

/** Family and clan names used by anyone, then names that carry a gendered ending. */
export const FAMILY_NAMES = [
  'Santoso',
  'Wijaya',
  'Nasution',
  'Siregar',
  'Lubis',
  'Sinaga',
  'Tanjung',
  'Halim',
  'Gunawan',
  'Hartono',
  'Susanto',
  'Kusuma',
  'Simanjuntak',
  'Harahap',
  'Tanoto',
  'Hutapea',
  'Purba',
  'Sitompul',
  'Ginting',
  'Manurung',
] as const;
export const MALE_SURNAMES = [
  'Saputra',
  'Pratama',
  'Nugroho',
  'Setiawan',
  'Hidayat',
  'Kurniawan',
  'Prasetyo',
  'Wibowo',
] as const;
export const FEMALE_SURNAMES = [
  'Rahmawati',
  'Lestari',
  'Permatasari',
  'Puspitasari',
  'Wulandari',
  'Anggraini',
  'Safitri',
] as const;

export const EMAIL_DOMAINS = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'yahoo.co.id',
  'yahoo.com',
  'outlook.com',
  'icloud.com',
] as const;

/** Mobile number prefixes after the leading 0, by operator (Telkomsel, Indosat, XL, Axis, Tri, Smartfren). */
export const MOBILE_PREFIXES = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '823',
  '852',
  '853',
  '851',
  '814',
  '815',
  '816',
  '855',
  '856',
  '857',
  '858',
  '817',
  '818',
  '819',
  '859',
  '877',
  '878',
  '831',
  '832',
  '833',
  '838',
  '895',
  '896',
  '897',
  '898',
  '899',
  '881',
  '882',
  '883',
  '887',
  '888',
  '889',
] as const;

/** Networks of Indonesian mobile and home internet providers (Telkomsel, Telkom, Indosat, XL, Biznet). */
export const IP_PREFIXES = [
  '36.72',
  '36.73',
  '36.79',
  '36.85',
  '114.124',
  '114.125',
  '114.5',
  '180.241',
  '180.244',
  '180.252',
  '182.253',
  '182.0',
  '112.215',
  '110.136',
  '120.188',
  '103.144',
  '103.47',
  '125.166',
  '139.228',
  '202.80',
] as const;

export type Handset = {
  platform: 'android' | 'ios' | 'desktop';
  manufacturer: string;
  model: string;
  osVersion: string;
  os: SegmentOs;
  userAgent: string;
};

/** Chrome's reduced user agent hides the model and Android version since Chrome 110; apps still know both. */
const chromeAndroid = (): string =>
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const safariIos = (osVersion: string): string =>
  `Mozilla/5.0 (iPhone; CPU iPhone OS ${osVersion.replace('.', '_')} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${osVersion} Mobile/15E148 Safari/604.1`;

const android = (manufacturer: string, model: string, osVersion: string): Handset => ({
  platform: 'android',
  manufacturer,
  model,
  osVersion,
  os: Object.freeze({ name: 'Android', version: osVersion }),
  userAgent: chromeAndroid(),
});
const iphone = (model: string, osVersion: string): Handset => ({
  platform: 'ios',
  manufacturer: 'Apple',
  model,
  osVersion,
  os: Object.freeze({ name: 'iOS', version: osVersion }),
  userAgent: safariIos(osVersion),
});

/** Weighted like Indonesia's phone market: Android-heavy, with Samsung, Xiaomi, OPPO, vivo and realme up front. */
export const HANDSETS: readonly (readonly [Handset, number])[] = [
  [android('samsung', 'SM-A145F', '13'), 9],
  [android('samsung', 'SM-A546E', '14'), 6],
  [android('Xiaomi', '23021RAA2Y', '13'), 8],
  [android('Xiaomi', '2201117TY', '12'), 5],
  [android('OPPO', 'CPH2477', '13'), 8],
  [android('vivo', 'V2247', '13'), 7],
  [android('realme', 'RMX3710', '13'), 6],
  [android('Infinix', 'X6831', '12'), 4],
  [iphone('iPhone14,5', '17.4'), 5],
  [iphone('iPhone15,2', '17.5'), 3],
  [
    {
      platform: 'desktop',
      manufacturer: 'PC',
      model: 'Windows',
      osVersion: '10',
      os: Object.freeze({ name: 'Windows', version: '10' }),
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    },
    6,
  ],
];
