/* Bahasa Indonesia for the retention page (namespace `retention`); retention.en.ts has the same keys. */
export const retentionId = {
  title: 'Retensi pelanggan',
  lead:
    'Pelanggan dikelompokkan (kohort) menurut minggu atau bulan pembelian pertamanya, lalu dilihat berapa ' +
    'persen yang kembali di tiap periode sesudahnya, berapa yang membeli lagi, bagaimana pendapatannya ' +
    'bertahan, dan siapa yang baru, kembali, bangkit lagi atau tertidur.',
  unit: 'Periode',
  week: 'Mingguan',
  month: 'Bulanan',
  cohortBy: 'Kohort menurut',
  returnBy: 'Dihitung kembali bila',
  purchase: 'Pembelian (Order Completed)',
  firstPurchase: 'Pembelian pertama',
  any: 'Peristiwa apa pun',
  event: 'Peristiwa tertentu…',
  chooseEvent: 'Pilih peristiwa',
  from: 'Dari',
  to: 'Sampai',
  branch: 'Cabang',
  channel: 'Kanal',
  all: 'Semua',
  withinDays: 'Beli lagi dalam (hari)',
  loading: 'Menghitung…',
  empty: 'Belum ada pelanggan dalam kohort periode ini. Ubah rentang tanggal atau pilihan peristiwa.',
  period: '+{{n}}',
  periodName_week: 'Minggu ke-{{n}}',
  periodName_month: 'Bulan ke-{{n}}',
  cohort: 'Kohort',
  size: 'Pelanggan',
  matrixTitle: 'Matriks retensi',
  matrixLead:
    'Tiap baris satu kohort; kolom +1, +2, … adalah persen pelanggan kohort itu yang kembali pada periode ' +
    'ke-1, ke-2, … sesudah periode pertamanya. Periode terakhir masih berjalan sampai {{to}}.',
  heatmap: 'Peta panas retensi: persen pelanggan tiap kohort yang kembali per periode',
  cellTip: 'Kohort {{cohort}}, {{period}}: {{retained}} dari {{size}} pelanggan ({{share}})',
  csv: 'Unduh CSV',
  repeatTitle: 'Pembelian ulang',
  repeatSummary:
    '{{repeat}} dari {{buyers}} pembeli pertama membeli lagi ({{rate}}). Dari {{eligible}} pembeli yang ' +
    'pembelian pertamanya sudah {{days}} hari atau lebih, {{within}} membeli lagi dalam {{days}} hari ({{withinRate}}).',
  buyers: 'Pembeli pertama',
  repeatBuyers: 'Membeli lagi',
  repeatRate: 'Persen membeli lagi',
  eligible: 'Sudah {{days}} hari',
  repeatWithin: 'Lagi dalam {{days}} hari',
  none: '–',
  revenueTitle: 'Retensi pendapatan',
  revenueLead:
    'Pendapatan kohort di tiap periode dibanding pendapatannya di periode pertama (100%). Garis: semua kohort ' +
    'digabung, untuk periode yang sudah dilalui tiap kohort.',
  revenueChart: 'Retensi pendapatan semua kohort per periode',
  revenueFirst: 'Pendapatan periode pertama',
  revenueAll: 'Semua kohort',
  lifecycleTitle: 'Siklus pelanggan per periode',
  lifecycleLead:
    'Baru: aktif pertama kali. Kembali: aktif, dan aktif juga di periode sebelumnya. Bangkit: aktif lagi ' +
    'setelah sedikitnya satu periode tidak aktif. Tidur: aktif di periode sebelumnya, tidak di periode ini ' +
    '(digambar ke bawah).',
  lifecycleChart: 'Pelanggan baru, kembali, bangkit dan tidur per periode',
  new: 'Baru',
  returning: 'Kembali',
  resurrecting: 'Bangkit',
  dormant: 'Tidur',
  periodStart: 'Periode',
  customers_one: '{{count}} pelanggan',
  customers_other: '{{count}} pelanggan',
};
