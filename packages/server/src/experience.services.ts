import type { Store } from '@jejak/storage';
import type { IngestService } from './ingest/ingest.service.ts';
import { InboundWebhookService } from './support/inbound-webhook.service.ts';
import { SupportSettingsService } from './support/support-settings.service.ts';
import { TicketService } from './support/ticket.service.ts';
import { SurveyResultsService } from './surveys/survey-results.service.ts';
import { SurveyService } from './surveys/survey.service.ts';
import { ReviewWidgetService } from './reviews/review-widget.service.ts';
import { ReviewService } from './reviews/review.service.ts';

/** The experience module's services: they write through ingestion's transactions and emit through it. */
export function createExperienceServices(store: Store, ingest: IngestService, now: () => number) {
  const supportSettings = new SupportSettingsService(store, now);
  const surveys = new SurveyService(store, ingest, now);
  const tickets = new TicketService(store, ingest, supportSettings, surveys, now);
  return {
    supportSettings,
    surveys,
    surveyResults: new SurveyResultsService(store),
    tickets,
    inbound: new InboundWebhookService(store, ingest, tickets, now),
    reviews: new ReviewService(store, ingest, now),
    reviewWidget: new ReviewWidgetService(store, ingest, now),
  };
}
