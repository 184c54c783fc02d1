import { LoyaltyRepository, SegmentRepository, type Customer, type Executor } from '@jejak/storage';

/** Who a customer is to a promotion restricted to segments or tiers. */
export interface AudienceFacts {
  segments: string[];
  tier: string | null;
}

/**
 * Where segments and loyalty tiers come from. Tiers are the loyalty program's (its tier keys: silver,
 * gold...); until segments (issue 8) answer, a customer's `segments` trait (a list of names) does, as
 * sent through identify by a shop's own systems, and so does a `tier` trait for a customer the
 * program has not tiered.
 */
export interface PromotionAudience {
  of(db: Executor, workspaceId: string, customer: Customer): Promise<AudienceFacts>;
}

export const traitsAudience: PromotionAudience = {
  of(_db, _workspaceId, customer) {
    let traits: Record<string, unknown> = {};
    try {
      traits = JSON.parse(customer.traits_json) as Record<string, unknown>;
    } catch {
      // A customer without readable traits belongs to no segment and no tier.
    }
    const segments = Array.isArray(traits.segments)
      ? traits.segments.filter((s): s is string => typeof s === 'string')
      : [];
    const tier = typeof traits.tier === 'string' ? traits.tier : null;
    return Promise.resolve({ segments, tier });
  },
};

/** A customer's RFM segment now (its key, `champions`...), null for who has bought nothing. */
export type RfmSegmentOf = (db: Executor, workspaceId: string, customerId: string) => Promise<string | null>;

/**
 * The loyalty program's tier of the customer (its key), over what the traits say; his segments are
 * his RFM segment (the key the promotion form offers: `champions`, `at_risk`...), the saved segments
 * he is in now (by name) and those the `segments` trait names.
 */
export function loyaltyAudience(rfmSegmentOf: RfmSegmentOf): PromotionAudience {
  return {
    async of(db, workspaceId, customer) {
      const facts = await traitsAudience.of(db, workspaceId, customer);
      const saved = await new SegmentRepository(db).segmentsOfCustomer(workspaceId, customer.id);
      const rfm = await rfmSegmentOf(db, workspaceId, customer.id);
      const segments = [
        ...new Set([...facts.segments, ...saved.map((s) => s.name), ...(rfm === null ? [] : [rfm])]),
      ];
      const account = await new LoyaltyRepository(db).account(workspaceId, customer.id);
      return { segments, tier: account?.tier_key ?? facts.tier };
    },
  };
}
