import { createHmac } from 'node:crypto';
import { EventRepository, JourneyStateRepository } from '@jejak/storage';
import type { TestApp } from './harness.ts';

/** A week of shop hours: Mon-Fri 08:00-17:00 with lunch 12:00-13:00, Saturday 09:00-13:00. */
export const SHOP_WEEK = {
  mon: { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' },
  tue: { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' },
  wed: { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' },
  thu: { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' },
  fri: { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' },
  sat: { open: '09:00', close: '13:00' },
};

/** What the journey knows of a customer: stage, status and how many recent negative experiences. */
export async function journeyOf(t: TestApp, customerId: string) {
  const row = await new JourneyStateRepository(t.store.db).get(t.workspace.id, customerId);
  if (!row) return undefined;
  const state = JSON.parse(row.state_json) as { negativeTimes: number[]; risk: string };
  return { stage: row.stage, status: row.status, risk: state.risk, negatives: state.negativeTimes.length };
}

/** The names of a customer's stored events, in time order. */
export async function eventNamesOf(t: TestApp, customerId: string): Promise<string[]> {
  const rows = await new EventRepository(t.store.db).listForCustomer(t.workspace.id, customerId);
  return rows.map((r) => r.name);
}

/** Posts an inbound webhook delivery, signed with `secret` unless a signature is given. */
export function deliver(
  t: TestApp,
  secret: string,
  body: object | string,
  options: { timestamp?: number; signature?: string; workspaceId?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(Math.floor((options.timestamp ?? t.services.now()) / 1000));
  const signature =
    options.signature ?? `v1=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/inbound/${options.workspaceId ?? t.workspace.id}/tickets`,
    headers: {
      'content-type': 'application/json',
      'x-jejak-timestamp': timestamp,
      'x-jejak-signature': signature,
    },
    payload: raw,
  });
}
