import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database, Executor } from '@jejak/storage';

/** Runs a unit of work in a transaction and hands back its result once the transaction has committed. */
export type Transact = <T>(work: (trx: Executor) => Promise<T>) => Promise<T>;

/** A transaction of its own for every unit: for PostgreSQL, where transactions run side by side. */
export function transactionPerUnit(db: Kysely<Database>): Transact {
  return (work) => db.transaction().execute(work);
}

interface Unit {
  work: (trx: Executor) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Units that wait while a transaction runs share the next one, at most this many. */
const MAX_GROUP = 8;

/**
 * Group commit for a database with one writer (SQLite). Units that arrive while a transaction runs wait,
 * then run together in the next transaction, each inside its own savepoint: a unit that fails is rolled
 * back alone and its caller gets the error, the others commit. Every caller is answered only after the
 * commit, so an answer still means durable. Concurrent requests then share one WAL write and one fsync,
 * and pages they both touch (index leaves, journey states) are written once instead of once each.
 * A unit that arrives alone runs in a plain transaction, as before.
 */
export class GroupCommit {
  private readonly waiting: Unit[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  readonly transact: Transact = <T>(work: (trx: Executor) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        // better-sqlite3 answers synchronously, so a transaction runs to its end without letting the event
        // loop read another request: yield a turn first, so the requests that arrived meanwhile join in.
        await nextTurn();
        const group = this.waiting.splice(0, MAX_GROUP);
        if (group.length === 0) return;
        await this.runGroup(group);
      }
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(group: Unit[]): Promise<void> {
    const [only] = group;
    if (only !== undefined && group.length === 1) {
      await this.db.transaction().execute(only.work).then(only.resolve, only.reject);
      return;
    }
    const outcomes: Outcome[] = [];
    let trx: ControlledTransaction<Database> | undefined;
    try {
      trx = await this.db.startTransaction().execute();
      for (const unit of group) outcomes.push(await runInSavepoint(trx, unit));
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed (it could not start, a savepoint could not be undone, the commit
      // failed): nobody's work is stored, and everyone is told.
      await trx
        ?.rollback()
        .execute()
        .catch(() => undefined);
      for (const unit of group) unit.reject(error);
      return;
    }
    group.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function runInSavepoint(trx: ControlledTransaction<Database>, unit: Unit): Promise<Outcome> {
  const saved = await trx.savepoint('unit').execute();
  try {
    const value = await unit.work(saved);
    await saved.releaseSavepoint('unit').execute();
    return { ok: true, value };
  } catch (error) {
    await saved.rollbackToSavepoint('unit').execute();
    await saved.releaseSavepoint('unit').execute();
    return { ok: false, error };
  }
}
