/* Bahasa Indonesia for the overview's filters, funnel and trend; journey-overview.en.ts has the same keys. */
export const journeyOverviewId = {
  filters: {
    title: 'Saring pelanggan',
    branch: 'Cabang',
    allBranches: 'Semua cabang',
    channel: 'Saluran awal',
    allChannels: 'Semua saluran',
    clear: 'Hapus saringan',
    hint:
      'Saluran awal: dari mana pelanggan pertama kali datang. Cabang: cabang transaksi terakhir pelanggan; ' +
      'untuk periode, cabang saat ia masuk tahap. Pelanggan yang belum pernah datang ke cabang tidak ikut ' +
      'dihitung saat cabang dipilih.',
    active: 'Hanya pelanggan {{what}}.',
    ofChannel: 'dari saluran {{channel}}',
    ofBranch: 'di {{branch}}',
  },
  channels: {
    ads: 'Iklan',
    web: 'Situs web',
    app: 'Aplikasi',
    store: 'Toko (langsung)',
    whatsapp: 'WhatsApp',
    phone: 'Telepon',
    email: 'Email',
    chat: 'Chat',
    social: 'Media sosial',
    marketplace: 'Marketplace',
    referral: 'Rujukan teman',
    other: 'Lainnya',
  },
  funnel: {
    title: 'Corong tahap dalam periode',
    hint:
      'Berapa kali pelanggan masuk ke tiap tahap pada {{from}} – {{to}}, berapa persen dari mereka yang ' +
      'sudah lanjut ke tahap sesudahnya sampai hari ini (melompati tahap juga dihitung), dan median lama ' +
      'sampai lanjut. Yang masuk dua kali dihitung dua kali.',
    entered: 'Masuk',
    movedOn: 'Sudah lanjut',
    movedOnShare: '% lanjut',
    median: 'Median sampai lanjut',
    none: '–',
    empty: 'Tidak ada pelanggan yang masuk ke tahap mana pun dalam periode ini.',
    label: '{{stage}}: {{entered}}',
    tooltip: '{{stage}}: {{entered}} masuk · {{share}} sudah lanjut · median {{time}}',
    tooltipNone: '{{stage}}: {{entered}} masuk · belum ada yang lanjut',
  },
  trend: {
    title: 'Tren masuk per tahap, per minggu',
    hint: 'Jumlah masuk ke tiap tahap per minggu, Senin sampai Minggu. Minggu bertanda * hanya sebagian masuk periode.',
    week: 'Minggu mulai',
    total: 'Jumlah',
    axis: 'Masuk per minggu',
    partial: '{{date}}*',
    empty: 'Tidak ada pelanggan yang masuk ke tahap mana pun dalam periode ini.',
  },
  entries: {
    count_one: '{{formatted}} masuk',
    count_other: '{{formatted}} masuk',
  },
};
