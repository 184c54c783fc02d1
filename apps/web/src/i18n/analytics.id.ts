/* Bahasa Indonesia for the analytics pages (namespace `analytics`); analytics.en.ts has the same keys. */
export const analyticsId = {
  value: {
    title: 'Nilai pelanggan',
    lead:
      'Perkiraan berapa kali tiap pelanggan akan membeli lagi, seberapa mungkin ia masih aktif, dan nilai ' +
      'belanjanya ke depan. Dihitung dari riwayat pesanan usaha Anda sendiri dengan model BG/NBD (frekuensi ' +
      'pembelian dan kemungkinan berhenti) dan Gamma-Gamma (besar belanja per pembelian).',
    never: 'Model belum pernah dihitung. Hitung sekarang untuk melihat perkiraan tiap pelanggan.',
    fittedAt: 'Dihitung {{when}} dari pesanan sampai {{until}}.',
    buyers: '{{customers}} pelanggan pernah membeli; {{repeat}} di antaranya membeli lagi.',
    horizon: 'Jangka perkiraan',
    weeks_one: '{{count}} minggu',
    weeks_other: '{{count}} minggu',
    fit: 'Hitung ulang',
    fitting: 'Menghitung…',
    notEnough:
      'Riwayat belum cukup: {{customers}} pelanggan pernah membeli (perlu 30) dan {{repeat}} membeli lagi ' +
      '(perlu 10). Catat penjualan dengan nama atau nomor HP pelanggan, lalu coba lagi.',
    discount: 'Nilai didiskon {{rate}} per bulan.',
    qualityTitle: 'Seberapa tepat perkiraannya',
    qualityLead:
      'Model dihitung ulang tanpa {{weeks}} minggu terakhir, lalu perkiraannya untuk minggu-minggu itu ' +
      'dibandingkan dengan yang benar-benar terjadi.',
    qualitySummary:
      'Perkiraan {{predicted}} pembelian ulang oleh {{customers}} pelanggan; yang terjadi {{actual}} ' +
      '(selisih {{gap}}).',
    qualityNone: 'Riwayat masih terlalu pendek untuk diuji (perlu sedikitnya 12 minggu).',
    qualityChart:
      'Rata-rata pembelian ulang per pelanggan, perkiraan dan kenyataan, menurut jumlah pembelian sebelumnya',
    repeatBefore: 'Pembelian ulang sebelumnya',
    orMore: '{{count}} atau lebih',
    customersCol: 'Pelanggan',
    predicted: 'Perkiraan',
    actual: 'Kenyataan',
    listTitle: 'Pelanggan menurut nilai',
    atRiskOnly: 'Hanya yang mungkin sudah pergi (peluang aktif 50% atau kurang)',
    csv: 'Unduh CSV',
    customer: 'Pelanggan',
    repeat: 'Beli lagi',
    lastPurchase: 'Pembelian terakhir',
    weeksAgo: '{{weeks}} minggu lalu',
    alive: 'Peluang masih aktif',
    expectedPurchases: 'Perkiraan pembelian',
    expectedSpend: 'Belanja per pembelian',
    valueCol: 'Nilai {{weeks}} minggu',
    empty: 'Tidak ada pelanggan di daftar ini.',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    pageOf: '{{from}}–{{to}} dari {{total}}',
    unnamed: 'Tanpa nama',
    parameters: 'Parameter model',
    parametersText:
      'BG/NBD r = {{r}}, α = {{alpha}}, a = {{a}}, b = {{b}} (log-likelihood {{ll}}); Gamma-Gamma p = {{p}}, ' +
      'q = {{q}}, γ = {{gamma}}.',
  },
  prediction: {
    title: 'Perkiraan',
    alive: 'Peluang masih aktif',
    purchases: 'Perkiraan pembelian {{weeks}} minggu ke depan',
    spend: 'Belanja per pembelian',
    value: 'Nilai {{weeks}} minggu ke depan',
    none: 'Belum ada perkiraan: pelanggan ini belum membeli saat model terakhir dihitung.',
  },
};
