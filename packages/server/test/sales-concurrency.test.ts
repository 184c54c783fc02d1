import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { StockRepository } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../storage/test/test-database.ts';
import { asUser } from './accounts.harness.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type Shop } from './sales.harness.ts';

/*
 * Checkouts racing for the last unit. The stock row is the guard: its conditional UPDATE runs once
 * the other checkout's transaction has ended (PostgreSQL's row lock; SQLite's one writer lock), and
 * then sees what that one left.
 */

let t: TestApp;
let shop: Shop;

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
});
afterAll(() => t.close());

async function lastUnitOf(name: string): Promise<string> {
  const product = await asUser(t, shop.owner, 'POST', salesUrl(t, '/products'), {
    sku: name,
    name: `Kue ${name}`,
    price: 10_000,
  });
  const id = product.json<{ id: string }>().id;
  await asUser(t, shop.manager, 'POST', salesUrl(t, `/branches/${shop.branch}/stock/movements`), {
    productId: id,
    kind: 'received',
    quantity: 1,
  });
  return id;
}

function buy(productId: string) {
  return sell(t, shop, {
    lines: [{ productId, quantity: 1 }],
    payments: [{ method: 'qris', amount: 10_000 }],
  });
}

async function setNegativeStock(allowNegativeStock: boolean) {
  await asUser(t, shop.owner, 'PUT', salesUrl(t, '/sales/settings'), {
    taxRateBp: 1100,
    taxMode: 'included',
    allowNegativeStock,
  });
}

async function stockOf(productId: string) {
  const stock = new StockRepository(t.store.db);
  const ledger = (await stock.reconcile(t.workspace.id)).find((l) => l.productId === productId)!;
  return { onHand: ledger.onHand, ledger: ledger.ledger };
}

describe.each([false, true])('concurrent checkouts of the last unit, below zero allowed: %s', (allowed) => {
  it('sells it once when refused, to everyone when allowed; the ledger agrees', async () => {
    await setNegativeStock(allowed);
    const productId = await lastUnitOf(`LAST-${String(allowed)}`);
    const answers = await Promise.all([buy(productId), buy(productId), buy(productId), buy(productId)]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual(allowed ? [201, 201, 201, 201] : [201, 409, 409, 409]);
    expect(await stockOf(productId)).toEqual(allowed ? { onHand: -3, ledger: -3 } : { onHand: 0, ledger: 0 });
  });
});

describe('concurrent checkouts for one customer', () => {
  it('count every order on the journey, as a rebuild from the events does', async () => {
    await setNegativeStock(false);
    const customer = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), {
      phone: '081234567899',
      name: 'Pelanggan Sibuk',
    });
    const customerId = customer.json<{ id: string }>().id;
    const sale = {
      customerId,
      lines: [{ productId: shop.product.latte, quantity: 1 }],
      payments: [{ method: 'cash', amount: 22_000 }],
    };
    // Two outlets, so the receipt counters (one per branch) do not already put them in a line.
    const answers = await Promise.all(
      [shop.branch, shop.otherBranch, shop.branch, shop.otherBranch].map((b) =>
        sell(t, shop, sale, shop.owner, b),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const live = (await t.services.customers.detail(t.workspace.id, customerId)).journey;
    expect(live).toMatchObject({ stage: 'retention', orderCount: 4 });
    await t.services.rebuild.run({ workspaceId: t.workspace.id });
    expect((await t.services.customers.detail(t.workspace.id, customerId)).journey).toEqual(live);
  });
});

describe.skipIf(testDialect() !== 'postgres').each([false, true])(
  'PostgreSQL: a checkout waits for another transaction holding the last unit, below zero allowed: %s',
  (allowed) => {
    it('blocks on the stock row, then decides on what the other one committed', async () => {
      await setNegativeStock(allowed);
      const productId = await lastUnitOf(`HELD-${String(allowed)}`);
      // Another connection's checkout, mid-flight: it has taken the unit and not committed yet.
      const other = await t.store.db.startTransaction().execute();
      const taken = await new StockRepository(other).move(
        {
          workspaceId: t.workspace.id,
          branchId: shop.branch,
          productId,
          kind: 'sold',
          quantity: -1,
          actorId: null,
          actorLabel: 'kasir lain',
          at: Date.now(),
        },
        true,
      );
      expect(taken?.on_hand_after).toBe(0);
      let settled = false;
      const racing = buy(productId).then((answer) => {
        settled = true;
        return answer;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled, 'the second checkout waits for the row lock').toBe(false);
      await other.commit().execute();
      const answer = await racing;
      expect(answer.statusCode).toBe(allowed ? 201 : 409);
      expect(await stockOf(productId)).toEqual(
        allowed ? { onHand: -1, ledger: -1 } : { onHand: 0, ledger: 0 },
      );
    });
  },
);

/** A second SQLite connection on its own thread takes the writer lock, sells the unit, and commits later. */
function holdWriterLock(
  file: string,
  ids: { workspaceId: string; branchId: string; productId: string },
  holdMs: number,
) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    db.exec('begin immediate');
    const { workspaceId, branchId, productId } = workerData.ids;
    const row = db.prepare('update stock_levels set on_hand = on_hand - 1 where workspace_id = ? and branch_id = ? and product_id = ? and on_hand - 1 >= 0 returning on_hand').get(workspaceId, branchId, productId);
    db.prepare("insert into stock_movements (workspace_id, branch_id, product_id, kind, quantity, on_hand_after, actor_label, at) values (?, ?, ?, 'sold', -1, ?, 'kasir lain', ?)").run(workspaceId, branchId, productId, row.on_hand, Date.now());
    parentPort.postMessage('holding');
    setTimeout(() => { db.exec('commit'); db.close(); parentPort.postMessage('committed'); }, workerData.holdMs);
    `,
    {
      eval: true,
      workerData: { file, ids, holdMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    },
  );
  const message = (expected: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (m) => m === expected && resolve());
      worker.on('error', reject);
    });
  return { holding: message('holding'), committed: message('committed'), worker };
}

describe.skipIf(testDialect() !== 'sqlite').each([false, true])(
  'SQLite: a checkout waits for another process holding the writer lock, below zero allowed: %s',
  (allowed) => {
    it('waits for the lock (busy_timeout), then decides on what the other one committed', async () => {
      await setNegativeStock(allowed);
      const productId = await lastUnitOf(`LOCK-${String(allowed)}`);
      const holdMs = 400;
      const other = holdWriterLock(
        t.store.sqlite!.name,
        { workspaceId: t.workspace.id, branchId: shop.branch, productId },
        holdMs,
      );
      await other.holding;
      const started = Date.now();
      // BEGIN IMMEDIATE waits in SQLite's busy handler (blocking this thread) until the other connection commits.
      const answer = await buy(productId);
      const waited = Date.now() - started;
      await other.committed;
      await other.worker.terminate();
      expect(waited).toBeGreaterThanOrEqual(holdMs - 100);
      expect(answer.statusCode).toBe(allowed ? 201 : 409);
      expect(await stockOf(productId)).toEqual(
        allowed ? { onHand: -1, ledger: -1 } : { onHand: 0, ledger: 0 },
      );
    });
  },
);
