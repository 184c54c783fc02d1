/* Bahasa Indonesia for the analytics pages (namespace `analytics`); analytics.en.ts has the same keys. */
export const analyticsId = {
  value: {
    title: 'Nilai pelanggan',
    lead:
      'Perkiraan berapa kali tiap pelanggan akan membeli lagi, seberapa mungkin ia masih aktif, dan nilai ' +
      'belanjanya ke depan. Dihitung dari riwayat pesanan usaha Anda sendiri dengan model BG/NBD (frekuensi ' +
      'pembelian dan kemungkinan berhenti) dan Gamma-Gamma (besar belanja per pembelian).',
    never: 'Model belum pernah dihitung. Hitung sekarang untuk melihat perkiraan tiap pelanggan.',
    nightly: {
      none: 'Dihitung ulang otomatis tiap malam; belum pernah berjalan.',
      fitted:
        'Hitung ulang malam terakhir: {{when}}, berhasil; {{count}} status pelanggan diubah oleh model.',
      skipped:
        'Hitung ulang malam terakhir: {{when}}, dilewati karena riwayat belum cukup (perlu 30 pelanggan yang membeli dan 10 yang membeli lagi).',
      failed: 'Hitung ulang malam terakhir: {{when}}, gagal: {{reason}}',
    },
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
  rfm: {
    title: 'Segmen RFM',
    lead:
      'Pembeli dikelompokkan menurut kapan terakhir membeli (R), seberapa sering (F) dan berapa total ' +
      'belanjanya (M). Tiap nilai 1 sampai 5 menurut bagian pembeli yang dikalahkannya: pembeli dengan nilai ' +
      'sama mendapat skor sama. Segmen dibaca dari skor R dan F.',
    asOf: 'Per {{day}}, {{customers}} pembeli.',
    empty: 'Belum ada penjualan dengan pelanggan yang dikenal.',
    segment: 'Segmen',
    customers: 'Pembeli',
    share: 'Bagian',
    recency: 'Rata-rata hari sejak beli',
    frequency: 'Rata-rata kali beli',
    monetary: 'Rata-rata belanja',
    revenue: 'Total belanja',
    chart: 'Pembeli per segmen',
    gridTitle: 'Pembeli per skor R dan F',
    gridLead: 'Baris: skor R (5 = baru saja membeli). Kolom: skor F (5 = paling sering). Warna: segmennya.',
    listTitle: 'Pembeli di segmen {{segment}}',
    listAll: 'Semua pembeli',
    all: 'Semua segmen',
    csv: 'Unduh CSV',
    days_one: '{{count}} hari',
    days_other: '{{count}} hari',
    purchases: 'Kali beli',
    daysAgo_one: '{{count}} hari lalu',
    daysAgo_other: '{{count}} hari lalu',
    scores: 'R {{r}} · F {{f}} · M {{m}}',
    name: {
      champions: 'Juara',
      loyal: 'Setia',
      potential_loyalist: 'Calon setia',
      new_customer: 'Pembeli baru',
      promising: 'Menjanjikan',
      need_attention: 'Perlu perhatian',
      about_to_sleep: 'Hampir tertidur',
      at_risk: 'Berisiko pergi',
      cant_lose: 'Jangan sampai hilang',
      hibernating: 'Tertidur',
    },
  },
};
