/* Plural keys take {{formatted}}, the count already written the Indonesian way (1.204), and count for the plural form. */
/*
 * Bahasa Indonesia, the default language. Every word the dashboard shows lives here; en.ts has the
 * same keys (its type is this catalogue's, so a missing key fails the build). i18next's plural keys
 * end in _one/_other: Indonesian uses only _other, the _one keys are there to keep one shape.
 */
import { experienceId } from './experience.id.ts';
import { journeyOverviewId } from './journey-overview.id.ts';
import { salesId } from './sales.id.ts';
import { customersId } from './customers.id.ts';
import { loyaltyId } from './loyalty.id.ts';
import { promotionsId } from './promotions.id.ts';

export const id = {
  ...experienceId,
  ...loyaltyId,
  ...promotionsId,
  ...journeyOverviewId,
  app: { name: 'Jejak', tagline: 'Perjalanan pelanggan untuk usaha Anda', loading: 'Memuat…' },
  language: { label: 'Bahasa', id: 'Bahasa Indonesia', en: 'English' },
  errors: {
    generic: 'Terjadi kesalahan. Coba lagi sebentar lagi.',
    badCredentials: 'Email atau kata sandi salah.',
    tooMany: 'Terlalu banyak percobaan. Tunggu beberapa menit, lalu coba lagi.',
    ownerExists: 'Pemilik sudah dibuat. Silakan masuk.',
    offline: 'Server Jejak tidak dapat dihubungi.',
    linkExpired:
      'Tautan ini tidak berlaku lagi: sudah dipakai, kedaluwarsa, atau tersalin tidak lengkap. Minta tautan baru.',
    weakPassword: 'Kata sandi minimal 10 karakter.',
  },
  setup: {
    title: 'Selamat datang di Jejak',
    intro: 'Buat akun pemilik dan ruang kerja pertama untuk usaha Anda.',
    name: 'Nama Anda',
    email: 'Email',
    password: 'Kata sandi',
    passwordHint: 'Minimal 10 karakter.',
    workspaceName: 'Nama usaha',
    workspaceHint: 'Misalnya “Kopi Sari”. Satu ruang kerja untuk satu usaha.',
    submit: 'Buat pemilik dan mulai',
  },
  login: {
    title: 'Masuk ke Jejak',
    email: 'Email',
    password: 'Kata sandi',
    submit: 'Masuk',
    forgot: 'Lupa kata sandi? Minta pemilik menjalankan “jejak users reset-password”.',
  },
  resetPassword: {
    title: 'Buat kata sandi baru',
    intro: 'Tautan ini hanya berlaku sekali. Setelah kata sandi diganti, semua sesi lama diakhiri.',
    password: 'Kata sandi baru',
    confirm: 'Ulangi kata sandi baru',
    mismatch: 'Kedua kata sandi tidak sama.',
    submit: 'Simpan kata sandi',
    done: 'Kata sandi sudah diganti. Silakan masuk dengan kata sandi baru.',
    toLogin: 'Masuk ke Jejak',
    noToken: 'Tautan ini tidak lengkap. Salin seluruh tautan yang dicetak oleh “jejak users reset-password”.',
  },
  invitation: {
    title: 'Undangan bergabung',
    lead: 'Anda diundang ke <strong>{{workspace}}</strong> sebagai <strong>{{role}}</strong>.',
    email: 'Untuk alamat {{email}}',
    branches: 'Cabang: {{names}}',
    expires: 'Tautan berlaku sampai {{date}}.',
    newAccount: 'Buat akun Anda untuk bergabung.',
    existingAccount: 'Akun untuk {{email}} sudah ada. Masukkan kata sandinya untuk bergabung.',
    name: 'Nama Anda',
    password: 'Kata sandi',
    passwordHint: 'Minimal 10 karakter.',
    submitNew: 'Buat akun dan bergabung',
    submitExisting: 'Masuk dan bergabung',
    noToken: 'Tautan undangan ini tidak lengkap. Salin seluruh tautan yang Anda terima.',
  },
  shell: {
    workspace: 'Ruang kerja',
    signedInAs: 'Masuk sebagai {{name}}',
    logout: 'Keluar',
    mainNav: 'Navigasi utama',
  },
  nav: {
    rfm: 'Segmen RFM',
    customerValue: 'Nilai pelanggan',
    content: 'Konten per tahap',
    interviews: 'Wawancara',
    reviews: 'Ulasan',
    overview: 'Ikhtisar perjalanan',
    customers: 'Pelanggan',
    settings: 'Pengaturan',
    journeyMap: 'Peta perjalanan',
    apiDocs: 'Dokumentasi API',
    tickets: 'Tiket layanan',
    surveys: 'Survei',
    counter: 'Kasir',
    orders: 'Penjualan',
    supportSettings: 'Pengaturan layanan',
    products: 'Produk & stok',
    reports: 'Laporan',
    loyalty: 'Loyalitas',
    promotions: 'Voucher & promo',
  },
  roles: {
    owner: 'Pemilik',
    admin: 'Admin',
    manager: 'Manajer',
    cashier: 'Kasir',
    analyst: 'Analis',
  },
  noPages: {
    title: 'Belum ada halaman untuk peran Anda',
    body: 'Peran {{role}} belum memiliki halaman di dasbor. Halaman kasir akan segera hadir.',
  },
  noWorkspace: {
    title: 'Anda belum tergabung di ruang kerja mana pun',
    body: 'Minta pemilik usaha mengirim undangan kepada Anda.',
  },
  overview: {
    title: 'Ikhtisar perjalanan pelanggan',
    now: 'Pelanggan per tahap saat ini',
    nowHint: 'Setiap pelanggan ada di satu tahap perjalanan.',
    total_one: '{{formatted}} pelanggan',
    total_other: '{{formatted}} pelanggan',
    withoutStage_one: '{{formatted}} pelanggan belum punya tahap (hanya dikenal dari identify)',
    withoutStage_other: '{{formatted}} pelanggan belum punya tahap (hanya dikenal dari identify)',
    statuses: 'Pelanggan per status saat ini',
    statusesHint: 'Kesehatan pelanggan, di samping tahapnya.',
    transitions: 'Perpindahan antartahap',
    transitionsHint:
      'Dari tahap asal (kiri) ke tahap tujuan (kanan), termasuk mundur dan berulang, dalam periode {{from}} – {{to}}.',
    noTransitions: 'Tidak ada perpindahan dalam periode ini.',
    empty: 'Belum ada pelanggan. Kirim event lewat /v1/batch, atau jalankan “npm run demo”.',
  },
  table: {
    stage: 'Tahap',
    status: 'Status',
    customers: 'Pelanggan',
    share: 'Porsi',
    from: 'Dari',
    to: 'Ke',
    moves: 'Perpindahan',
    total: 'Jumlah',
  },
  units: {
    customers_one: '{{formatted}} pelanggan',
    customers_other: '{{formatted}} pelanggan',
    moves_one: '{{formatted}} perpindahan',
    moves_other: '{{formatted}} perpindahan',
    shareOfAll: '{{share}} dari semua pelanggan',
  },
  stages: { entry: 'Masuk pertama kali', unknown: 'Tahap {{key}}' },
  statuses: {
    new: 'Baru',
    active: 'Aktif',
    at_risk: 'Berisiko',
    churned: 'Berhenti',
    won_back: 'Kembali lagi',
  },
  period: {
    label: 'Periode',
    from: 'Dari tanggal',
    to: 'Sampai tanggal',
    last7: '7 hari terakhir',
    last30: '30 hari terakhir',
    last90: '90 hari terakhir',
    last365: '12 bulan terakhir',
    previousMonth: 'Bulan sebelumnya',
    nextMonth: 'Bulan berikutnya',
    invalid: 'Tanggal awal harus sebelum tanggal akhir.',
  },
  sales: salesId,
  customers: customersId,
};

export type Catalogue = typeof id;
