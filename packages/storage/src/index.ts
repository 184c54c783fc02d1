export * from './schema.ts';
export * from './accounts.schema.ts';
export * from './sales.schema.ts';
export { writeTransaction } from './write-transaction.ts';
export type { OpenDatabaseOptions, Store, StoreDialect } from './store.ts';
export { openDatabase } from './open-database.ts';
export { redactUrl } from './dialect/postgres/postgres-store.ts';
export { migrateToLatest } from './migrations/migrate.ts';
export type { Executor } from './repositories/executor.ts';
export { InvalidCursorError, type Page, type PageOptions } from './repositories/page.ts';
export { ApiKeyRepository } from './repositories/api-key.repository.ts';
export {
  CustomerRepository,
  type CustomerListItem,
  type CustomerListOptions,
} from './repositories/customer.repository.ts';
export {
  EventRepository,
  type CustomerEventsOptions,
  type EventPosition,
} from './repositories/event.repository.ts';
export { IdentityRepository, type IdentityKeyRef } from './repositories/identity.repository.ts';
export {
  JourneyStateRepository,
  type StagePosition,
  type StageCount,
  type StatusCount,
} from './repositories/journey-state.repository.ts';
export { JourneyRulesRepository } from './repositories/journey-rules.repository.ts';
export { JourneySignalRepository } from './repositories/journey-signal.repository.ts';
export {
  JourneyMapRepository,
  type NegativeCount,
  type Period,
  type SignalCount,
  type StageEntries,
  type StageStatusCount,
} from './repositories/journey-map.repository.ts';
export {
  JourneyRepository,
  type DayRange,
  type FunnelOptions,
  type FunnelStep,
  type NowCounts,
  type WeeklyEntries,
} from './repositories/journey.repository.ts';
export { JourneyNowRepository } from './repositories/journey-now.repository.ts';
export type { JourneyFilter } from './repositories/journey-filter.ts';
export { JourneySummaryRepository } from './repositories/journey-summary.repository.ts';
export {
  dayNumber,
  dayText,
  isoWeekStart,
  localDayOf,
  monthStart,
  splitMonths,
  startOfLocalDay,
} from './journey/zoned-day.ts';
export { bucketBounds, medianWait, quantileWait, waitBucket } from './journey/wait-histogram.ts';
export { MergeRepository } from './repositories/merge.repository.ts';
export { QuarantineRepository } from './repositories/quarantine.repository.ts';
export {
  ReplayRepository,
  type ReplayScanOptions,
  type ReplayEventRow,
} from './repositories/replay.repository.ts';
export {
  TransitionRepository,
  type TransitionCount,
  type TransitionSummaryOptions,
} from './repositories/transition.repository.ts';
export { WorkspaceRepository } from './repositories/workspace.repository.ts';
export { UserRepository } from './repositories/user.repository.ts';
export { SessionRepository } from './repositories/session.repository.ts';
export { BranchRepository } from './repositories/branch.repository.ts';
export { MembershipRepository, type MemberListItem } from './repositories/membership.repository.ts';
export { InvitationRepository } from './repositories/invitation.repository.ts';
export { PasswordResetRepository } from './repositories/password-reset.repository.ts';
export { AuditRepository, type AuditFilter } from './repositories/audit.repository.ts';
export {
  PersonalDataRepository,
  type CustomerRecord,
  type ErasureCounts,
} from './repositories/personal-data.repository.ts';
export { SalesSettingsRepository } from './repositories/sales-settings.repository.ts';
export {
  ProductRepository,
  type ProductChanges,
  type ProductListOptions,
} from './repositories/product.repository.ts';
export { StockRepository, type MovementInput, type StockLevelRow } from './repositories/stock.repository.ts';
export {
  OrderRepository,
  type OrderListOptions,
  type OrderRecord,
  type RefundRecord,
} from './repositories/order.repository.ts';
export {
  SalesReportRepository,
  localDaySql,
  type LineKey,
  type LineTotals,
  type OffsetSegment,
  type OrderKey,
  type OrderTotals,
  type PaymentTotals,
  type RefundLineTotals,
  type RefundListRow,
  type RefundTotals,
  type ReportScope,
  type StockValueRow,
} from './repositories/sales-report.repository.ts';
export { offsetAt } from './journey/zoned-day.ts';
export * from './experience.schema.ts';
export * from './review.schema.ts';
export * from './content.schema.ts';
export * from './interview.schema.ts';
export {
  InterviewRepository,
  type InterviewListItem,
  type InterviewSearch,
  type TagCount,
  type TermRange,
} from './repositories/interview.repository.ts';
export * from './promotion.schema.ts';
export { PromotionRepository, type PromotionResults } from './repositories/promotion.repository.ts';
export {
  ContentRepository,
  type ContentItemViews,
  type CustomerContentViews,
  type StageViews,
} from './repositories/content.repository.ts';
export {
  ReviewRepository,
  type RatingCount,
  type ReviewChanges,
  type ReviewListItem,
  type ReviewListOptions,
} from './repositories/review.repository.ts';
export { SupportSettingsRepository } from './repositories/support-settings.repository.ts';
export { BusinessHoursRepository, WHOLE_BUSINESS } from './repositories/business-hours.repository.ts';
export {
  TicketRepository,
  type TicketListItem,
  type TicketListOptions,
} from './repositories/ticket.repository.ts';
export { SurveyRepository, type SurveyComment, type SurveyReach } from './repositories/survey.repository.ts';
export {
  ExperiencePersonalDataRepository,
  type ExperienceErasure,
  type ExperienceRecord,
} from './repositories/experience-personal-data.repository.ts';
export * from './customer-value.schema.ts';
export {
  CustomerValueRepository,
  type CustomerPurchaseRow,
  type NewPrediction,
  type PredictionWithName,
} from './repositories/customer-value.repository.ts';
export * from './ad-spend.schema.ts';
export {
  AttributionRepository,
  type AttributionEventRow,
  type OrderEventRow,
} from './repositories/attribution.repository.ts';
export * from './loyalty.schema.ts';
export {
  LoyaltyRepository,
  type LoyaltyCredit,
  type LoyaltyTotals,
} from './repositories/loyalty.repository.ts';
export { LoyaltyMergeRepository } from './repositories/loyalty-merge.repository.ts';
export * from './segment.schema.ts';
export {
  SegmentRepository,
  type SegmentCustomerRow,
  type SegmentMemberRow,
  type SegmentWithCount,
} from './repositories/segment.repository.ts';
export {
  NegativeExperienceRepository,
  type NegativeSignalRow,
} from './repositories/negative-experience.repository.ts';
export * from './referral.schema.ts';
export { ReferralRepository, type ReferralResults } from './repositories/referral.repository.ts';
