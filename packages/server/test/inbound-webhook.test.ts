import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { deliver, eventNamesOf } from './support.harness.ts';

let t: TestApp;
let secret: string;

beforeAll(async () => {
  t = await startTestApp();
  const created = await t.api('POST', '/support/webhook-secret', {});
  expect(created.statusCode, created.body).toBe(201);
  secret = created.json<{ secret: string }>().secret;
});
afterAll(() => t.close());

let n = 0;
function aDelivery(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    id: `wamid.${n}-${Math.random().toString(36).slice(2)}`,
    channel: 'whatsapp',
    from: { name: 'Dewi Lestari', phone: '+62 811-2233-4455' },
    text: 'Halo kak, kopi saya salah pesanan.\nSaya pesan yang tanpa gula.',
    conversationId: `chat-${n}`,
    ...overrides,
  };
}

/** Everything an accepted delivery would write: tickets, deliveries, events. */
async function counts() {
  const count = async (table: 'tickets' | 'inbound_deliveries' | 'events' | 'customers') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    tickets: await count('tickets'),
    deliveries: await count('inbound_deliveries'),
    events: await count('events'),
    customers: await count('customers'),
  };
}

describe('the inbound webhook', () => {
  it('opens a ticket from a signed delivery, for a customer found or created by phone', async () => {
    const response = await deliver(t, secret, aDelivery());
    expect(response.statusCode, response.body).toBe(201);
    const { ticketId, created } = response.json<{ ticketId: string; created: boolean }>();
    expect(created).toBe(true);
    const detail = (await t.api('GET', `/tickets/${ticketId}`)).json<{
      ticket: { subject: string; channel: string; customerId: string };
      customer: { name: string; phone: string };
      messages: { kind: string; body: string; authorLabel: string }[];
    }>();
    expect(detail.ticket).toMatchObject({
      subject: 'Halo kak, kopi saya salah pesanan.',
      channel: 'whatsapp',
    });
    expect(detail.customer).toMatchObject({ name: 'Dewi Lestari', phone: '+6281122334455' });
    expect(detail.messages).toEqual([
      expect.objectContaining({ kind: 'customer', authorLabel: 'Dewi Lestari' }),
    ]);
    expect(await eventNamesOf(t, detail.ticket.customerId)).toEqual(['Identified', 'Ticket Opened']);
  });

  it('adds a later message of the same conversation to its open ticket', async () => {
    const first = aDelivery();
    const opened = (await deliver(t, secret, first)).json<{ ticketId: string }>();
    const next = await deliver(
      t,
      secret,
      aDelivery({ conversationId: first.conversationId, text: 'Sudah diganti, terima kasih' }),
    );
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json<{ ticketId: string; created: boolean }>()).toMatchObject({
      ticketId: opened.ticketId,
      created: false,
    });
  });

  it('refuses a bad signature, and stores nothing', async () => {
    const before = await counts();
    const response = await deliver(t, secret, aDelivery(), { signature: 'v1=' + '0'.repeat(64) });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().error.code).toBe('signature_invalid');
    const wrongSecret = await deliver(t, 'whsec_not-the-secret', aDelivery());
    expect(wrongSecret.statusCode).toBe(401);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inbound/${t.workspace.id}/tickets`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(aDelivery()),
    });
    expect(unsigned.json<ErrorBody>().error.code).toBe('signature_missing');
    expect(await counts()).toEqual(before);
  });

  it('refuses a body changed after signing', async () => {
    const before = await counts();
    const body = JSON.stringify(aDelivery());
    const signed = await deliver(t, secret, body, { signature: 'v1=00' });
    expect(signed.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses a replay: the same delivery id again, or an old timestamp', async () => {
    const delivery = aDelivery();
    expect((await deliver(t, secret, delivery)).statusCode).toBe(201);
    const before = await counts();
    const again = await deliver(t, secret, delivery);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error).toMatchObject({ code: 'replayed' });
    const stale = await deliver(t, secret, aDelivery(), { timestamp: t.services.now() - 6 * 60_000 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json<ErrorBody>().error.code).toBe('timestamp_out_of_tolerance');
    expect(await counts()).toEqual(before);
  });

  it('refuses the same delivery sent twice at once: one ticket', async () => {
    const delivery = aDelivery({ conversationId: undefined });
    const before = await counts();
    const answers = await Promise.all([deliver(t, secret, delivery), deliver(t, secret, delivery)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect((await counts()).tickets).toBe(before.tickets + 1);
  });

  it('refuses a malformed body with a clear 400, and stores nothing', async () => {
    const before = await counts();
    const notJson = await deliver(t, secret, '{"id": "x", ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json<ErrorBody>().error.code).toBe('malformed_json');
    const missingText = await deliver(t, secret, { id: 'y', channel: 'whatsapp', from: { phone: '0812' } });
    expect(missingText.statusCode).toBe(400);
    expect(missingText.json<ErrorBody>().error.message).toMatch(/text/);
    const noContact = await deliver(t, secret, aDelivery({ from: { name: 'Tanpa nomor' } }));
    expect(noContact.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('takes no delivery for a workspace without a secret, or signed with another workspace’s secret', async () => {
    const other = await t.services.workspaces.create({ name: 'Toko Lain' });
    const response = await deliver(t, secret, aDelivery(), { workspaceId: other.id });
    expect(response.statusCode).toBe(401);
  });
});
