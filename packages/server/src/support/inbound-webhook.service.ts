import { createHmac, timingSafeEqual } from 'node:crypto';
import { Compile } from 'typebox/compile';
import { SupportSettingsRepository, TicketRepository, type Store } from '@jejak/storage';
import { HttpError, badRequest } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { InboundTicketSchema, type InboundTicket } from './support.schemas.ts';
import type { TicketService } from './ticket.service.ts';

/** How far a delivery's timestamp may be from the server's clock: older ones are refused as replays. */
export const TOLERANCE_MS = 5 * 60 * 1000;

const validator = Compile(InboundTicketSchema);

export interface InboundHeaders {
  timestamp: string | undefined;
  signature: string | undefined;
}

export interface InboundResult {
  ticketId: string;
  number: number;
  /** False when the message joined an open ticket of its conversation. */
  created: boolean;
}

/**
 * The signature a sender puts in `X-Jejak-Signature`: `v1=` and the hex HMAC-SHA256, keyed with the
 * workspace's secret, of the timestamp, a dot and the raw body.
 *
 * @example sign('whsec_...', '1780000000', '{"id":"m1",...}') // 'v1=5f2c...'
 */
export function sign(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const refused = (code: string, message: string, status = 401) => new HttpError(status, code, message);

/**
 * Tickets from a WhatsApp or email provider. A delivery is accepted only with a fresh timestamp, a
 * valid signature, a well-formed body and an id not seen before; a refusal stores nothing. An accepted
 * one opens a ticket (or joins the open ticket of its conversation) and records its id, in one
 * transaction, so a replay racing the original is refused by the database too.
 */
export class InboundWebhookService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly tickets: TicketService,
    private readonly now: () => number,
  ) {}

  async receive(workspaceId: string, headers: InboundHeaders, rawBody: string): Promise<InboundResult> {
    const secret = (await new SupportSettingsRepository(this.store.db).get(workspaceId))?.webhook_secret;
    const { timestamp, signature } = headers;
    if (!timestamp || !signature) {
      throw refused(
        'signature_missing',
        'Send X-Jejak-Timestamp (Unix seconds) and X-Jejak-Signature (v1=<hex HMAC-SHA256>)',
      );
    }
    if (!/^\d{1,12}$/.test(timestamp))
      throw refused('timestamp_invalid', 'X-Jejak-Timestamp must be Unix time in seconds', 400);
    if (Math.abs(this.now() - Number(timestamp) * 1000) > TOLERANCE_MS) {
      throw refused(
        'timestamp_out_of_tolerance',
        'X-Jejak-Timestamp is more than 5 minutes from the server’s clock; the delivery is refused as a possible replay',
      );
    }
    if (!secret || !signatureMatches(sign(secret, timestamp, rawBody), signature)) {
      throw refused(
        'signature_invalid',
        'The signature does not match the body (or inbound webhooks are not set up for this workspace)',
      );
    }
    const payload = parse(rawBody);
    return this.ingest.transact(async (trx) => {
      const tickets = new TicketRepository(trx);
      if (await tickets.hasDelivery(workspaceId, payload.id)) throw replayed(payload.id);
      const author = {
        id: null,
        label: payload.from.name?.trim() || payload.from.phone || payload.from.email || payload.channel,
      };
      const conversationKey = payload.conversationId ? `${payload.channel}:${payload.conversationId}` : null;
      const open = conversationKey
        ? await tickets.openByConversation(workspaceId, conversationKey)
        : undefined;
      let result: InboundResult;
      if (open) {
        await this.tickets.addCustomerMessage(trx, open, payload.text, author);
        result = { ticketId: open.id, number: open.number, created: false };
      } else {
        const ticket = await this.tickets.createIn(
          trx,
          workspaceId,
          {
            subject: payload.subject ?? firstLine(payload.text),
            customer: payload.from,
            channel: payload.channel,
            message: payload.text,
            branchId: payload.branchId ?? null,
            ...(payload.priority ? { priority: payload.priority } : {}),
            ...(payload.category ? { category: payload.category } : {}),
            conversationKey,
          },
          author,
        );
        result = { ticketId: ticket.id, number: ticket.number, created: true };
      }
      await tickets.recordDelivery(workspaceId, payload.id, result.ticketId, this.now()).catch(() => {
        throw replayed(payload.id);
      });
      return result;
    });
  }
}

function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.trim());
  return a.length === b.length && timingSafeEqual(a, b);
}

function parse(rawBody: string): InboundTicket {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`, undefined, 'malformed_json');
  }
  if (validator.Check(body)) return body;
  const [first] = validator.Errors(body);
  const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
  throw badRequest(`${field} ${first?.message ?? 'is invalid'}`, undefined, 'invalid_payload');
}

function replayed(id: string) {
  return new HttpError(
    409,
    'replayed',
    `Delivery ${id} was already received; a repeat is refused as a replay`,
  );
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line || 'Pesan masuk';
}
