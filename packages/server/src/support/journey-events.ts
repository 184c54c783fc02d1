import type { TargetKind } from '@jejak/core';
import type { Ticket } from '@jejak/storage';
import type { MessageIds } from './customer-contact.ts';

/*
 * The events the experience module emits, as Segment messages with ids derived from what they record,
 * so writing the same fact twice stores one event. Their names are the catalogue's (core's
 * EVENT_CATALOGUE): the default rules read `category`, `survey_type` and `score`.
 */

const iso = (at: number) => new Date(at).toISOString();

/** The channel of a ticket's source, as the journey's channels name it. */
const CHANNEL_OF: Record<string, string> = {
  whatsapp: 'whatsapp',
  phone: 'phone',
  email: 'email',
  chat: 'chat',
  store: 'store',
  web: 'web',
};

function track(
  ids: MessageIds,
  messageId: string,
  event: string,
  at: number,
  channel: string,
  properties: object,
) {
  return { type: 'track', messageId, ...ids, event, timestamp: iso(at), properties, context: { channel } };
}

/** An identify call that records a contact's name, phone and email on the customer (and creates him). */
export function contactIdentified(ids: MessageIds, key: string, at: number, traits: Record<string, string>) {
  return { type: 'identify', messageId: `contact-${key}`, ...ids, traits, timestamp: iso(at) };
}

function ticketProperties(ticket: Ticket) {
  return {
    ticket_id: ticket.id,
    ticket_number: ticket.number,
    category: ticket.category,
    priority: ticket.priority,
    ...(ticket.branch_id ? { branch_id: ticket.branch_id } : {}),
  };
}

export function ticketOpened(ids: MessageIds, ticket: Ticket) {
  return track(
    ids,
    `ticket-${ticket.id}-opened`,
    'Ticket Opened',
    ticket.created_at,
    CHANNEL_OF[ticket.channel] ?? 'other',
    {
      ...ticketProperties(ticket),
      subject: ticket.subject,
    },
  );
}

/** One per resolution: a ticket resolved, reopened and resolved again is two. */
export function ticketResolved(ids: MessageIds, ticket: Ticket, at: number) {
  return track(
    ids,
    `ticket-${ticket.id}-resolved-${at}`,
    'Ticket Resolved',
    at,
    CHANNEL_OF[ticket.channel] ?? 'other',
    ticketProperties(ticket),
  );
}

/** Stamped at the due time it missed, whenever it was noticed. */
export function responseTargetMissed(ids: MessageIds, ticket: Ticket, kind: TargetKind, dueAt: number) {
  return track(
    ids,
    `ticket-${ticket.id}-${kind}-missed`,
    'Response Target Missed',
    dueAt,
    CHANNEL_OF[ticket.channel] ?? 'other',
    {
      ...ticketProperties(ticket),
      target: kind,
    },
  );
}

export function surveyResponded(
  ids: MessageIds,
  response: {
    id: string;
    surveyId: string;
    kind: string;
    score: number | null;
    ticketId: string | null;
    at: number;
    via: string;
  },
) {
  return track(ids, `survey-response-${response.id}`, 'Survey Responded', response.at, 'web', {
    survey_id: response.surveyId,
    survey_type: response.kind,
    via: response.via,
    ...(response.score !== null ? { score: response.score } : {}),
    ...(response.ticketId ? { ticket_id: response.ticketId } : {}),
  });
}
