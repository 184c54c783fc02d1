import type { Store } from '@jejak/storage';
import { AccountService } from './auth/account.service.ts';
import { ApiKeyService } from './auth/api-key.service.ts';
import { SessionService } from './auth/session.service.ts';
import { AuditService } from './audit/audit.service.ts';
import { BranchService } from './branches/branch.service.ts';
import { MemberService } from './members/member.service.ts';
import { PrivacyService } from './privacy/privacy.service.ts';
import { CustomerService } from './customers/customer.service.ts';
import { IdentityService } from './customers/identity.service.ts';
import { MergeService } from './customers/merge.service.ts';
import { GroupCommit, transactionPerUnit } from './ingest/group-commit.ts';
import { IngestService } from './ingest/ingest.service.ts';
import { JourneyFunnelService } from './journey/journey-funnel.service.ts';
import { JourneyMapService } from './journey/journey-map.service.ts';
import { JourneyQueries } from './journey/journey-queries.service.ts';
import { JourneyService } from './journey/journey.service.ts';
import { ContentService } from './content/content.service.ts';
import { InterviewService } from './interviews/interview.service.ts';
import { CustomerValueService } from './analytics/customer-value.service.ts';
import { RfmService } from './analytics/rfm.service.ts';
import { RetentionService } from './analytics/retention.service.ts';
import { EventColumnsService } from './analytics/event-columns.service.ts';
import { EventAnalysisService } from './analytics/event-analysis.service.ts';
import { RebuildService } from './journey/rebuild.service.ts';
import { RulesPreviewService } from './journey/rules-preview.service.ts';
import { WorkspaceService } from './workspaces/workspace.service.ts';
import { CounterCustomerService } from './sales/counter-customer.service.ts';
import { OrderService } from './sales/order.service.ts';
import { ProductService } from './sales/product.service.ts';
import { RefundService } from './sales/refund.service.ts';
import { SalesJourney } from './sales/sales-journey.ts';
import { SalesSettingsService } from './sales/sales-settings.service.ts';
import { StockService } from './sales/stock.service.ts';
import { createExperienceServices } from './experience.services.ts';
import { AttributionService } from './attribution/attribution.service.ts';
import { SalesImportService } from './sales-import/sales-import.service.ts';
import { SalesReportService } from './reports/sales-report.service.ts';
import { LoyaltyService } from './loyalty/loyalty.service.ts';
import { loyaltyAudience } from './promotions/promotion-audience.ts';
import { PromotionCheckout } from './promotions/promotion-checkout.ts';
import { PromotionService } from './promotions/promotion.service.ts';
import { CustomerImportService } from './customers/customer-import.service.ts';
import { SegmentService } from './segments/segment.service.ts';
import { NegativeExperienceService } from './analytics/negative-experience.service.ts';
import { AffiliateService } from './referrals/affiliate.service.ts';
import { ReferralReports } from './referrals/referral-reports.ts';
import { ReferralRewards } from './referrals/referral-rewards.ts';
import { ReferralService } from './referrals/referral.service.ts';

export type Services = ReturnType<typeof createServices>;

/** Wires the services once; routes, the CLI and tests all go through these. */
export function createServices(store: Store, now: () => number = Date.now, sessionTtlMs = 7 * 86_400_000) {
  const journey = new JourneyService(store, now);
  const eventColumns = new EventColumnsService(store);
  const identity = new IdentityService(now);
  const workspaces = new WorkspaceService(store, now);
  const accounts = new AccountService(store, workspaces, now);
  const branches = new BranchService(store, now);
  const salesJourney = new SalesJourney(journey, store.dialect, now);
  const salesSettings = new SalesSettingsService(store, now);
  const loyalty = new LoyaltyService(store, salesJourney, now);
  const segments = new SegmentService(store, journey, now);
  journey.observe(segments.customersChanged);
  const promotionAudience = loyaltyAudience((db, workspaceId, customerId) =>
    segments.membership.rfmSegmentOf(db, workspaceId, customerId),
  );
  const promotionCheckout = new PromotionCheckout(promotionAudience, salesJourney);
  const referrals = new ReferralService(store, new ReferralRewards(loyalty, now), salesJourney, now);
  const orders = new OrderService(
    store,
    salesSettings,
    salesJourney,
    loyalty,
    now,
    promotionCheckout,
    referrals,
  );
  // SQLite has one writer: concurrent batches share a transaction and its fsync instead of queueing for it.
  const ingest = new IngestService(
    store.dialect === 'sqlite' ? new GroupCommit(store.db).transact : transactionPerUnit(store.db),
    identity,
    journey,
    now,
    (db, workspaceId, claims) => referrals.claimFromEvents(db, workspaceId, claims),
    (db, workspaceId, orders) => loyalty.settleOnline(db, workspaceId, orders),
  );
  return {
    accounts,
    sessions: new SessionService(store, now, sessionTtlMs),
    branches,
    members: new MemberService(store, accounts, branches, now),
    audit: new AuditService(store, now),
    privacy: new PrivacyService(store, now, eventColumns),
    store,
    now,
    keys: new ApiKeyService(store.db, now),
    workspaces,
    journey,
    journeyQueries: new JourneyQueries(store, journey),
    journeyFunnel: new JourneyFunnelService(store, journey),
    journeyMap: new JourneyMapService(store, journey, now),
    rebuild: new RebuildService(store, journey, now),
    rulesPreview: new RulesPreviewService(store, journey, now),
    identity,
    ingest,
    customers: new CustomerService(store),
    merges: new MergeService(store, identity, journey, now),
    salesSettings,
    products: new ProductService(store, now),
    stock: new StockService(store, salesSettings, now),
    counterCustomers: new CounterCustomerService(store, salesJourney, now),
    orders,
    refunds: new RefundService(store, orders, salesJourney, loyalty, now, promotionCheckout, referrals),
    referrals,
    referralReports: new ReferralReports(store),
    affiliates: new AffiliateService(store, now),
    loyalty,
    salesReports: new SalesReportService(store),
    promotions: new PromotionService(store, promotionCheckout, now),
    ...createExperienceServices(store, ingest, now),
    content: new ContentService(store, ingest, journey, now),
    interviews: new InterviewService(store, ingest, journey, now),
    salesImport: new SalesImportService(store, ingest, now),
    customerValue: new CustomerValueService(store, now, journey, salesJourney),
    rfm: new RfmService(store, now),
    attribution: new AttributionService(store, journey, now),
    eventColumns,
    eventAnalysis: new EventAnalysisService(store, eventColumns),
    retention: new RetentionService(store, eventColumns, now),
    segments,
    promotionAudience,
    negativeExperiences: new NegativeExperienceService(store, now),
    customerImport: new CustomerImportService(store, ingest, now),
  };
}
