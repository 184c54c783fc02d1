import type { Customer, Executor } from '@jejak/storage';

/** Who a customer is to a promotion restricted to segments or tiers. */
export interface AudienceFacts {
  segments: string[];
  tier: string | null;
}

/**
 * Where segments (issue 8) and loyalty tiers come from. Until those modules answer, a customer's
 * `segments` trait (a list of names) and `tier` trait (a name) do, as sent through identify by a
 * shop's own systems; a module that owns them replaces this through createServices.
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
