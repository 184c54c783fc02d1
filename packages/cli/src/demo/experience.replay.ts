import { createExperienceServices, type Services } from '@jejak/server';
import { IdentityRepository, WHOLE_BUSINESS } from '@jejak/storage';
import type { SurveyKind, SurveyQuestion } from '@jejak/core';

/** The simulated events the experience module records itself, with its own rows behind them. */
export const EXPERIENCE_EVENTS: ReadonlySet<string> = new Set([
  'Ticket Opened',
  'Ticket Resolved',
  'Survey Responded',
]);

const MINUTE = 60_000;
const DAILY = { open: '07:00', close: '22:00' };
const WEEK = { mon: DAILY, tue: DAILY, wed: DAILY, thu: DAILY, fri: DAILY, sat: DAILY, sun: DAILY };
/** Fixed-date national holidays: the owner adds the moving ones (Idulfitri, Nyepi...) each year. */
const FIXED_HOLIDAYS = [
  ['01-01', 'Tahun Baru Masehi'],
  ['05-01', 'Hari Buruh Internasional'],
  ['06-01', 'Hari Lahir Pancasila'],
  ['08-17', 'Hari Kemerdekaan RI'],
  ['12-25', 'Hari Raya Natal'],
] as const;

const COMMENTS = {
  low: [
    'Pesanan lama sekali datangnya',
    'Kopinya dingin waktu sampai',
    'Kasir kurang ramah',
    'Antrean panjang dan tidak teratur',
  ],
  mid: ['Lumayan, tapi bisa lebih cepat', 'Rasanya biasa saja', 'Tempatnya agak ramai'],
  high: [
    'Kopi susunya enak sekali!',
    'Baristanya ramah dan cepat',
    'Tempat nyaman untuk kerja',
    'Selalu konsisten rasanya',
  ],
} as const;

interface SimulatedMessage {
  event?: string;
  userId?: string;
  timestamp?: string;
  properties?: Record<string, unknown>;
  context?: { traits?: { phone?: string } };
}

/** A number in [0, 1) from a text: the same ticket always gets the same reply time and answer. */
function unit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

const question = (
  key: string,
  type: SurveyQuestion['type'],
  id: string,
  en: string,
  required: boolean,
): SurveyQuestion => ({
  key,
  type,
  required,
  label: { id, en },
});

/**
 * Plays the simulated business's tickets and survey answers through the experience services, each at
 * its simulated time: real tickets with replies, targets in the outlets' opening hours, missed targets,
 * resolutions with their CSAT question, and survey answers through personal links. Every journey event
 * then comes from the same code a live shop runs.
 */
export class ExperienceReplay {
  private at = 0;
  private readonly experience;
  private readonly tickets = new Map<string, { id: string; resolved: boolean }>();
  private readonly surveys = new Map<'csat' | 'nps', string>();
  /** Replies not yet written, in time order: written when the clock passes them. */
  private readonly replies: { at: number; ticketId: string; simulatedId: string }[] = [];

  constructor(
    private readonly services: Services,
    private readonly workspaceId: string,
    private readonly branchIds: readonly string[],
  ) {
    this.experience = createExperienceServices(services.store, services.ingest, () => this.at);
  }

  async setUp(start: number, end: number): Promise<void> {
    this.at = start;
    await this.experience.supportSettings.setHours(this.workspaceId, WHOLE_BUSINESS, WEEK);
    for (let year = new Date(start).getUTCFullYear(); year <= new Date(end).getUTCFullYear(); year++) {
      for (const [date, name] of FIXED_HOLIDAYS) {
        await this.experience.supportSettings.addHoliday(this.workspaceId, { date: `${year}-${date}`, name });
      }
    }
    this.surveys.set('csat', (await this.survey('Kepuasan pesanan', 'csat')).id);
    this.surveys.set('nps', (await this.survey('NPS pelanggan setia', 'nps')).id);
  }

  async handle(raw: unknown): Promise<void> {
    const message = raw as SimulatedMessage;
    const at = Date.parse(message.timestamp ?? '');
    if (!Number.isFinite(at) || !message.userId) return;
    await this.advanceTo(at);
    const properties = message.properties ?? {};
    const customerId = await this.customerOf(message.userId);
    if (!customerId) return;
    if (message.event === 'Ticket Opened')
      await this.open(customerId, properties, at, message.context?.traits?.phone);
    else if (message.event === 'Ticket Resolved') await this.resolve(String(properties.ticket_id), at);
    else if (message.event === 'Survey Responded') await this.answerSurvey(customerId, properties);
  }

  /** Whatever falls due up to the end: targets still running then are missed. */
  async finish(end: number): Promise<number> {
    await this.advanceTo(end);
    return this.tickets.size;
  }

  /** Moves the clock on, writing the replies that fall before `at` and missing the targets that fall due. */
  private async advanceTo(at: number): Promise<void> {
    while (this.replies.length > 0 && this.replies[0]!.at <= at) {
      const reply = this.replies.shift()!;
      await this.moveClock(reply.at);
      await this.reply(reply.ticketId);
    }
    await this.moveClock(at);
  }

  private async moveClock(at: number): Promise<void> {
    this.at = Math.max(this.at, at);
    while ((await this.experience.tickets.missDueTargets()) > 0);
  }

  private reply(ticketId: string) {
    return this.experience.tickets.addReply(
      this.workspaceId,
      ticketId,
      { body: 'Mohon maaf atas ketidaknyamanannya kak, kami bantu cek sekarang.', kind: 'reply' },
      { id: null, label: 'Tim layanan' },
    );
  }

  private async open(customerId: string, p: Record<string, unknown>, at: number, phone: string | undefined) {
    const simulatedId = String(p.ticket_id);
    const complaint = p.category === 'complaint';
    const subject = typeof p.subject === 'string' ? p.subject : 'pertanyaan';
    const channel = ['whatsapp', 'phone', 'email', 'chat'].includes(String(p.channel))
      ? (p.channel as 'whatsapp')
      : 'whatsapp';
    const ticket = await this.experience.tickets.create(
      this.workspaceId,
      {
        subject: subject.charAt(0).toUpperCase() + subject.slice(1),
        customer: { customerId, ...(phone ? { phone } : {}) },
        channel,
        message: complaint
          ? `Halo kak, saya mau komplain: ${subject}. Tolong dibantu ya.`
          : `Halo kak, mau tanya soal ${subject}.`,
        branchId: this.branchIds[Math.floor(unit(simulatedId) * this.branchIds.length)] ?? null,
        priority: complaint ? 'high' : 'normal',
        category: complaint ? 'complaint' : 'question',
      },
      { id: null, label: 'Admin WhatsApp' },
    );
    this.tickets.set(simulatedId, { id: ticket.id, resolved: false });
    // Most replies come within the hour; one in five waits until much later and misses its target.
    const slow = unit(`${simulatedId}:slow`) < 0.2;
    const replyAt =
      at + (slow ? 90 + unit(`${simulatedId}:r`) * 600 : 5 + unit(`${simulatedId}:r`) * 40) * MINUTE;
    this.replies.push({ at: replyAt, ticketId: ticket.id, simulatedId });
    this.replies.sort((a, b) => a.at - b.at);
  }

  private async resolve(simulatedId: string, at: number) {
    const ticket = this.tickets.get(simulatedId);
    if (!ticket || ticket.resolved) return;
    ticket.resolved = true;
    // Resolved before the reply was due: the reply goes out with the resolution.
    const waiting = this.replies.findIndex((r) => r.simulatedId === simulatedId);
    if (waiting >= 0) {
      this.replies.splice(waiting, 1);
      await this.reply(ticket.id);
    }
    await this.experience.tickets.update(this.workspaceId, ticket.id, { status: 'resolved' });
    const detail = await this.experience.tickets.get(this.workspaceId, ticket.id);
    if (!detail.csat || unit(`${simulatedId}:csat`) > 0.45) return;
    const missed = detail.targets.some((t) => t.state === 'missed');
    const score = missed
      ? 1 + Math.floor(unit(`${simulatedId}:s`) * 3)
      : 4 + Math.floor(unit(`${simulatedId}:s`) * 2);
    await this.advanceTo(at + 30 * MINUTE);
    const comment = missed ? COMMENTS.low[0] : undefined;
    await this.experience.surveys.answer(detail.csat.token, {
      answers: { csat: score, ...(comment ? { comment } : {}) },
      language: 'id',
    });
  }

  private async answerSurvey(customerId: string, p: Record<string, unknown>) {
    const kind = p.survey_type === 'nps' ? 'nps' : p.survey_type === 'csat' ? 'csat' : null;
    const score = Number(p.score);
    if (!kind || !Number.isInteger(score)) return;
    const surveyId = this.surveys.get(kind)!;
    const link = await this.experience.surveys.sendTo(this.workspaceId, surveyId, customerId);
    const high = kind === 'nps' ? score >= 9 : score >= 4;
    const low = kind === 'nps' ? score <= 6 : score <= 2;
    const pool = high ? COMMENTS.high : low ? COMMENTS.low : COMMENTS.mid;
    const pick = unit(link.customer_id + String(this.at));
    const comment = pick < 0.5 ? pool[Math.floor(pick * 2 * pool.length)] : undefined;
    const answers = { score, ...(comment ? { why: comment } : {}) };
    await this.experience.surveys.answer(link.token, { answers, language: 'id' });
  }

  private survey(name: string, kind: Extract<SurveyKind, 'nps' | 'csat'>) {
    const scored =
      kind === 'nps'
        ? question(
            'score',
            'nps',
            'Seberapa mungkin Anda merekomendasikan Kopi Nusantara kepada teman?',
            'How likely are you to recommend Kopi Nusantara to a friend?',
            true,
          )
        : question(
            'score',
            'csat',
            'Seberapa puas Anda dengan pesanan terakhir Anda?',
            'How satisfied are you with your last order?',
            true,
          );
    return this.experience.surveys.create(this.workspaceId, {
      name,
      kind,
      questions: [
        scored,
        question('why', 'text', 'Apa alasan utama Anda?', 'What is the main reason?', false),
      ],
    });
  }

  private async customerOf(userId: string): Promise<string | undefined> {
    const [row] = await new IdentityRepository(this.services.store.db).find(this.workspaceId, [
      { kind: 'user_id', value: userId },
    ]);
    return row?.customer_id;
  }
}
