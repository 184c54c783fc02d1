import { ContentService, InterviewService, createExperienceServices, type Services } from '@jejak/server';
import { CustomerRepository, IdentityRepository, ProductRepository } from '@jejak/storage';
import type { ContentItem } from '@jejak/storage';
import type { BusinessProfile } from './business-profile.types.ts';

/** The simulated events this replay records through the modules that own them, instead of ingesting them. */
export const FEEDBACK_EVENTS: ReadonlySet<string> = new Set(['Review Posted']);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Stage content of the coffee chain: links to its own material, each for the stage it serves. */
const CONTENT = [
  ['comparison', 'Perbandingan paket langganan kopi', 'consideration', 'perbandingan-langganan.pdf'],
  ['price_list', 'Daftar harga menu & kopi literan', 'consideration', 'daftar-harga.pdf'],
  ['case_study', 'Studi kasus: kopi literan untuk rapat kantor', 'consideration', 'studi-kasus-kantor'],
  ['testimonial', 'Kata pelanggan setia Kopi Nusantara', 'awareness', 'testimoni'],
  ['sales_deck', 'Penawaran katering kopi untuk kantor', 'purchase', 'katering-kantor.pdf'],
  ['demo_video', 'Cara menyeduh V60 Aceh Gayo di rumah', 'experience', 'video-v60'],
] as const;

const REVIEWS: Record<number, readonly string[]> = {
  5: [
    'Kopi susu gula arennya juara, selalu konsisten.',
    'Enak banget, baristanya ramah!',
    'Favorit saya tiap pagi.',
  ],
  4: [
    'Enak, cuma kadang antre agak lama.',
    'Rasanya pas, harga masih masuk akal.',
    'Tempatnya nyaman, kopinya enak.',
  ],
  3: [
    'Lumayan, tapi tidak istimewa.',
    'Rasanya berubah-ubah tergantung cabang.',
    'Biasa saja, agak kemanisan.',
  ],
  2: [
    'Pesanan datang sudah dingin.',
    'Antrean lama, pesanan sempat tertukar.',
    'Terlalu manis, es-nya kebanyakan.',
  ],
  1: [
    'Pesanan salah dan tidak diganti.',
    'Menunggu 40 menit, kasir tidak ramah.',
    'Kopinya basi, kecewa sekali.',
  ],
};

const OFF_TOPIC = [
  'Jual pulsa dan paket data murah, hubungi WA saya.',
  'Salah kirim, ini ulasan untuk toko sebelah.',
] as const;

const REPLIES = {
  good: 'Terima kasih banyak, kak! Sampai jumpa lagi di Kopi Nusantara.',
  mid: 'Terima kasih masukannya, kak. Kami jaga supaya rasanya sama di semua cabang.',
  bad: 'Mohon maaf atas pengalamannya, kak. Tim kami sudah menghubungi lewat WhatsApp untuk menggantinya.',
} as const;

/** What owners hear when they call a customer back: title, notes and tags per kind of conversation. */
type Note = readonly [title: string, body: string, tags: readonly string[]];
const INTERVIEWS: Record<'complaint' | 'consideration', readonly Note[]> = {
  complaint: [
    [
      'Pesanan dingin saat diantar',
      'Pesan lewat GoFood, sampai 45 menit, kopi sudah dingin. Minta kemasan yang lebih rapat.',
      ['pengantaran', 'suhu kopi'],
    ],
    [
      'Antrean di jam makan siang',
      'Jam 12 antre 20 menit, kasir cuma satu. Ingin bisa pesan dulu lewat WhatsApp lalu ambil.',
      ['antrean', 'kasir'],
    ],
    [
      'Rasa berbeda antar cabang',
      'Es kopi susu di Menteng lebih manis daripada di Kemang. Ingin takaran gula yang sama.',
      ['rasa', 'konsistensi'],
    ],
  ],
  consideration: [
    [
      'Belum jadi langganan',
      'Tertarik paket bulanan tapi belum yakin hemat. Minta perbandingan harga per gelas.',
      ['harga', 'langganan'],
    ],
    [
      'Mencari kopi untuk kantor',
      'Butuh 20 gelas tiap Senin untuk rapat. Menanyakan literan dan pengantaran pagi.',
      ['kantor', 'literan'],
    ],
  ],
};

interface SimulatedMessage {
  type?: string;
  event?: string;
  userId?: string;
  anonymousId?: string;
  messageId?: string;
  timestamp?: string;
  properties?: Record<string, unknown>;
}

/** A number in [0, 1) from a text: the same message always makes the same choice. */
function unit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const pick = <T>(list: readonly T[], seed: string): T => list[Math.floor(unit(seed) * list.length)]!;

/**
 * Plays the demo's reviews, stage content and interview notes through the modules that own them, at
 * the simulated times: reviews are entered and moderated (approved, hidden, answered), customers open
 * tracked links to the chain's material, and the owner writes up calls with unhappy reviewers and
 * with people still deciding. Their journey events (Review Posted, Content Viewed, Feedback Given) then
 * come from the same code a live shop runs, and the journey map's sentiment and pain points fill.
 */
export class FeedbackReplay {
  private at = 0;
  private readonly reviews;
  private readonly content: ContentService;
  private readonly interviews: InterviewService;
  private readonly items = new Map<string, ContentItem[]>();
  private readonly products = new Map<string, string>();
  private readonly recentFrom: number;
  counts = { reviews: 0, contentViews: 0, interviews: 0 };

  constructor(
    private readonly services: Services,
    private readonly workspaceId: string,
    private readonly business: BusinessProfile,
    end: number,
  ) {
    const clock = () => this.at;
    const { store, ingest, journey } = services;
    this.reviews = createExperienceServices(store, ingest, clock).reviews;
    this.content = new ContentService(store, ingest, journey, clock);
    this.interviews = new InterviewService(store, ingest, journey, clock);
    // Reviews of the last ten days still wait in the moderation queue.
    this.recentFrom = end - 10 * DAY;
  }

  async setUp(start: number): Promise<void> {
    this.at = start;
    for (const [kind, title, stage, path] of CONTENT) {
      const item = await this.content.create(this.workspaceId, {
        kind,
        title,
        stage,
        url: `https://kopinusantara.example/materi/${path}`,
      });
      this.items.set(stage, [...(this.items.get(stage) ?? []), item]);
    }
  }

  /**
   * One simulated day, after its events were ingested. What it sets off is written just after the
   * day's last event: written at their own times, the views and reviews would arrive late for the
   * customers' later events of the day and replay them, which made the demo a fifth slower.
   */
  async handleDay(messages: readonly unknown[]): Promise<void> {
    let last = 0;
    for (const m of messages) last = Math.max(last, Date.parse((m as SimulatedMessage).timestamp ?? '') || 0);
    const base = Math.max(this.at, last + 1000);
    for (const message of messages) {
      this.at = base;
      await this.handle(message as SimulatedMessage);
    }
    this.at = base;
  }

  private async handle(message: SimulatedMessage): Promise<void> {
    const at = Date.parse(message.timestamp ?? '');
    if (!Number.isFinite(at)) return;
    const seed = message.messageId ?? `${message.userId}:${at}`;
    if (message.event === 'Review Posted' && message.userId) return this.review(message, at);
    if (message.event === 'Inquiry Received' && message.userId && unit(`${seed}:iv`) < 0.15)
      return this.interview(message.userId, 'consideration', seed);
    // The owner calls back some of the customers who complained to support.
    if (
      message.event === 'Ticket Opened' &&
      message.userId &&
      message.properties?.category === 'complaint' &&
      unit(`${seed}:call`) < 0.4
    ) {
      this.at += 20 * MINUTE;
      return this.interview(message.userId, 'complaint', seed);
    }
    const chance = unit(`${seed}:cv`);
    if (message.event === 'Product Viewed' && message.userId && chance < 0.04)
      return this.view(message.userId, 'consideration', seed);
    if ((message.event === 'Order Delivered' || message.event === 'Order Picked Up') && chance < 0.03)
      return message.userId ? this.view(message.userId, 'experience', seed) : undefined;
    if (message.type === 'page' && !message.userId && chance < 0.02) return this.viewGeneral(seed);
  }

  private async review(message: SimulatedMessage, at: number): Promise<void> {
    const customerId = await this.customerOf(message.userId!);
    const productId = await this.productOf(text(message.properties?.product_id));
    const rating = Number(message.properties?.rating);
    if (!customerId || !productId || !(rating >= 1 && rating <= 5)) return;
    const seed = text(message.properties?.review_id) || String(at);
    // Now and then a review is off-topic (a sales pitch, another shop's order): the owner hides it.
    const offTopic = this.counts.reviews % 12 === 5;
    const customer = await new CustomerRepository(this.services.store.db).get(this.workspaceId, customerId);
    const review = await this.reviews.enter(
      this.workspaceId,
      {
        productId,
        customerId,
        rating,
        body: pick(offTopic ? OFF_TOPIC : REVIEWS[rating]!, seed),
        authorName: customer?.name?.split(' ')[0] ?? 'Pelanggan',
      },
      null,
    );
    this.counts.reviews += 1;
    if (at < this.recentFrom) {
      // Off-topic and some rude ones are hidden; the rest are shown, and the business answers most
      // complaints and some praise.
      const hidden = offTopic || (rating <= 2 && unit(`${seed}:hide`) < 0.2);
      const answer = rating <= 2 ? unit(`${seed}:re`) < 0.8 : unit(`${seed}:re`) < (rating === 3 ? 0.5 : 0.3);
      this.at += 10 * MINUTE;
      await this.reviews.moderate(
        this.workspaceId,
        review.id,
        {
          status: hidden ? 'hidden' : 'approved',
          ...(answer && !hidden
            ? { reply: rating <= 2 ? REPLIES.bad : rating === 3 ? REPLIES.mid : REPLIES.good }
            : {}),
        },
        null,
      );
    }
    // The owner calls back most unhappy reviewers and writes the call up.
    if (rating <= 2 && unit(`${seed}:call`) < 0.7) {
      this.at += 30 * MINUTE;
      await this.interview(message.userId!, 'complaint', seed);
    }
  }

  private async interview(userId: string, kind: keyof typeof INTERVIEWS, seed: string): Promise<void> {
    const customerId = await this.customerOf(userId);
    if (!customerId) return;
    const [title, body, tags] = pick(INTERVIEWS[kind], `${seed}:note`);
    await this.interviews.create(
      this.workspaceId,
      { id: null, label: 'Pemilik Kopi Nusantara', mayChangeAny: true },
      {
        customerId,
        stage: kind === 'complaint' ? 'experience' : 'consideration',
        channel: kind === 'complaint' ? 'phone' : 'whatsapp',
        title,
        body,
        tags: [...tags],
        interviewedAt: this.at,
      },
    );
    this.counts.interviews += 1;
  }

  private async view(userId: string, stage: string, seed: string): Promise<void> {
    const items = this.items.get(stage);
    const customerId = items ? await this.customerOf(userId) : undefined;
    if (!items || !customerId) return;
    const item = pick(items, `${seed}:item`);
    const token = await this.content.linkFor(this.workspaceId, item.id, customerId);
    await this.content.open(token);
    this.counts.contentViews += 1;
  }

  private async viewGeneral(seed: string): Promise<void> {
    const all = [...this.items.values()].flat();
    await this.content.open(pick(all, `${seed}:item`).token);
    this.counts.contentViews += 1;
  }

  /** The catalogue product a simulated product id names, added to the workspace's catalogue on first use. */
  private async productOf(simulatedId: string): Promise<string | undefined> {
    const known = this.products.get(simulatedId);
    if (known) return known;
    const product = this.business.products.find(([p]) => p.id === simulatedId)?.[0];
    if (!product) return undefined;
    const repository = new ProductRepository(this.services.store.db);
    const [existing] = await repository.getBySkus(this.workspaceId, [product.sku]);
    const id =
      existing?.id ??
      (
        await this.services.products.create(this.workspaceId, {
          sku: product.sku,
          name: product.name,
          category: product.category,
          price: product.price,
        })
      ).id;
    this.products.set(simulatedId, id);
    return id;
  }

  private async customerOf(userId: string): Promise<string | undefined> {
    const [row] = await new IdentityRepository(this.services.store.db).find(this.workspaceId, [
      { kind: 'user_id', value: userId },
    ]);
    return row?.customer_id;
  }
}
