import {
  CustomerRepository,
  CustomerValueRepository,
  ExperiencePersonalDataRepository,
  PersonalDataRepository,
  type CustomerRecord,
  type ExperienceRecord,
  type Store,
} from '@jejak/storage';
import { notFound } from '../http/http-error.ts';

export interface ErasureReport {
  customerId: string;
  profiles: number;
  events: number;
  identityKeys: number;
  merges: number;
  quarantined: number;
  ticketMessages: number;
  surveyAnswers: number;
  interviewNotes: number;
}

/**
 * A person's rights over their data (Indonesia's personal data protection law): a copy of
 * everything held, and erasure. After an erasure the identity keys are gone, so a later event
 * with the same phone or email starts a new customer rather than reviving the old one.
 */
export class PrivacyService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    /** Told after an erasure commits, so the in-memory event layout drops the customers' events. */
    private readonly eventColumns?: {
      customersErased(workspaceId: string, customerIds: readonly string[]): void;
    },
  ) {}

  async export(workspaceId: string, customerId: string): Promise<CustomerRecord & ExperienceRecord> {
    const ids = await this.profileIds(workspaceId, customerId);
    return {
      ...(await new PersonalDataRepository(this.store.db).record(workspaceId, ids)),
      ...(await new ExperiencePersonalDataRepository(this.store.db).record(workspaceId, ids)),
    };
  }

  async erase(workspaceId: string, customerId: string): Promise<ErasureReport> {
    const report = await this.store.db.transaction().execute(async (trx) => {
      const data = new PersonalDataRepository(trx);
      const ids = await data.profileIds(workspaceId, customerId);
      if (ids.length === 0) throw notFound(`Customer ${customerId}`);
      const record = await data.record(workspaceId, ids);
      const values = identityValues(record);
      const counts = await data.erase(workspaceId, ids, values, this.now());
      const experience = await new ExperiencePersonalDataRepository(trx).erase(workspaceId, ids, this.now());
      // A prediction describes how the person buys: it goes with the rest.
      for (const id of ids) await new CustomerValueRepository(trx).deleteCustomer(workspaceId, id);
      return { report: { customerId, profiles: ids.length, ...counts, ...experience }, ids };
    });
    this.eventColumns?.customersErased(workspaceId, report.ids);
    return report.report;
  }

  private async profileIds(workspaceId: string, customerId: string): Promise<string[]> {
    const customer = await new CustomerRepository(this.store.db).get(workspaceId, customerId);
    if (!customer) throw notFound(`Customer ${customerId}`);
    return new PersonalDataRepository(this.store.db).profileIds(workspaceId, customerId);
  }
}

/** The values that identify the person, used to find refused events that carry them. */
function identityValues(record: CustomerRecord): string[] {
  const values = new Set<string>();
  for (const key of record.identityKeys) values.add(key.value);
  for (const customer of record.customers) {
    for (const value of [customer.email, customer.phone]) if (value) values.add(value);
  }
  return [...values];
}
