import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupI18n } from './i18n/i18n.ts';
import { AppShell } from './layout/app-shell.tsx';
import { HomeRedirect } from './layout/home-redirect.tsx';
import { FirstRunPage } from './pages/first-run.page.tsx';
import { Gate } from './pages/gate.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { WorkspaceIndexPage } from './pages/no-pages.page.tsx';
import { settingsRoute } from './settings/settings.layout.tsx';
import './styles.css';
import './experience.css';

setupI18n();

// Each page is its own chunk, fetched when first opened: the charts (ECharts), the map's PNG export and
// the counter need not load before the login page does.
const ReviewPage = lazy(() => import('./reviews/review.page.tsx').then((m) => ({ default: m.ReviewPage })));
const ReviewsPage = lazy(() =>
  import('./reviews/reviews.page.tsx').then((m) => ({ default: m.ReviewsPage })),
);
const ContentPage = lazy(() =>
  import('./content/content.page.tsx').then((m) => ({ default: m.ContentPage })),
);
const InterviewsPage = lazy(() =>
  import('./interviews/interviews.page.tsx').then((m) => ({ default: m.InterviewsPage })),
);
const CustomerValuePage = lazy(() =>
  import('./analytics/customer-value.page.tsx').then((m) => ({ default: m.CustomerValuePage })),
);
const AttributionPage = lazy(() =>
  import('./analytics/attribution.page.tsx').then((m) => ({ default: m.AttributionPage })),
);
const FunnelPage = lazy(() => import('./analytics/funnel.page.tsx').then((m) => ({ default: m.FunnelPage })));
const PathsPage = lazy(() => import('./analytics/paths.page.tsx').then((m) => ({ default: m.PathsPage })));
const RfmPage = lazy(() => import('./analytics/rfm.page.tsx').then((m) => ({ default: m.RfmPage })));
const RetentionPage = lazy(() =>
  import('./analytics/retention.page.tsx').then((m) => ({ default: m.RetentionPage })),
);
const SegmentsPage = lazy(() =>
  import('./analytics/segments.page.tsx').then((m) => ({ default: m.SegmentsPage })),
);
const NegativeExperiencesPage = lazy(() =>
  import('./analytics/negative-experiences.page.tsx').then((m) => ({ default: m.NegativeExperiencesPage })),
);
const InvitationPage = lazy(() =>
  import('./pages/invitation.page.tsx').then((m) => ({ default: m.InvitationPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./pages/reset-password.page.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const OverviewPage = lazy(() =>
  import('./journey/overview.page.tsx').then((m) => ({ default: m.OverviewPage })),
);
const CustomerPage = lazy(() =>
  import('./customers/customer.page.tsx').then((m) => ({ default: m.CustomerPage })),
);
const CustomersPage = lazy(() =>
  import('./customers/customers.page.tsx').then((m) => ({ default: m.CustomersPage })),
);
const SupportSettingsPage = lazy(() =>
  import('./support/support-settings.page.tsx').then((m) => ({ default: m.SupportSettingsPage })),
);
const JourneyMapPage = lazy(() =>
  import('./journey-map/journey-map.page.tsx').then((m) => ({ default: m.JourneyMapPage })),
);
const TicketPage = lazy(() => import('./support/ticket.page.tsx').then((m) => ({ default: m.TicketPage })));
const TicketsPage = lazy(() =>
  import('./support/tickets.page.tsx').then((m) => ({ default: m.TicketsPage })),
);
const AnswerPage = lazy(() => import('./surveys/answer.page.tsx').then((m) => ({ default: m.AnswerPage })));
const SurveyPage = lazy(() => import('./surveys/survey.page.tsx').then((m) => ({ default: m.SurveyPage })));
const SurveysPage = lazy(() =>
  import('./surveys/surveys.page.tsx').then((m) => ({ default: m.SurveysPage })),
);
const CounterPage = lazy(() => import('./sales/counter.page.tsx').then((m) => ({ default: m.CounterPage })));
const OrdersPage = lazy(() => import('./sales/orders.page.tsx').then((m) => ({ default: m.OrdersPage })));
const ReportsPage = lazy(() =>
  import('./reports/reports.page.tsx').then((m) => ({ default: m.ReportsPage })),
);
const LoyaltyPage = lazy(() =>
  import('./loyalty/loyalty.page.tsx').then((m) => ({ default: m.LoyaltyPage })),
);
const ReferralPage = lazy(() =>
  import('./referrals/referral.page.tsx').then((m) => ({ default: m.ReferralPage })),
);
const PromotionsPage = lazy(() =>
  import('./promotions/promotions.page.tsx').then((m) => ({ default: m.PromotionsPage })),
);
const ProductsPage = lazy(() =>
  import('./sales/products.page.tsx').then((m) => ({ default: m.ProductsPage })),
);
const ReceiptPage = lazy(() => import('./sales/receipt.page.tsx').then((m) => ({ default: m.ReceiptPage })));

const queries = new QueryClient({
  // Journey numbers change with every event; half a minute is fresh enough to read and saves requests.
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        {/* Pages show their own loading state; the chunk of one takes a moment on a first visit. */}
        <Suspense fallback={null}>
          <Routes>
            <Route path="/setup" element={<FirstRunPage />} />
            <Route path="/login" element={<LoginPage />} />
            {/* The links the CLI and the team page print: a one-time token after #. */}
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/invitation" element={<InvitationPage />} />
            <Route path="/struk/:token" element={<ReceiptPage />} />
            {/* Public by design: a customer answers a survey without an account. */}
            <Route path="/s/:token" element={<AnswerPage />} />
            <Route path="/r/:token" element={<ReviewPage />} />
            <Route path="/w/:workspaceId" element={<Gate>{(me) => <AppShell me={me} />}</Gate>}>
              <Route index element={<WorkspaceIndexPage />} />
              <Route path="overview" element={<OverviewPage />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="customers/:customerId" element={<CustomerPage />} />
              <Route path="journey-map" element={<JourneyMapPage />} />
              <Route path="tickets" element={<TicketsPage />} />
              <Route path="tickets/:ticketId" element={<TicketPage />} />
              <Route path="support-settings" element={<SupportSettingsPage />} />
              <Route path="surveys" element={<SurveysPage />} />
              <Route path="surveys/:surveyId" element={<SurveyPage />} />
              <Route path="ulasan" element={<ReviewsPage />} />
              <Route path="konten" element={<ContentPage />} />
              <Route path="loyalitas" element={<LoyaltyPage />} />
              <Route path="promosi" element={<PromotionsPage />} />
              <Route path="referral" element={<ReferralPage />} />
              <Route path="wawancara" element={<InterviewsPage />} />
              <Route path="nilai-pelanggan" element={<CustomerValuePage />} />
              <Route path="segmen-rfm" element={<RfmPage />} />
              <Route path="segmen" element={<SegmentsPage />} />
              <Route path="pengalaman-negatif" element={<NegativeExperiencesPage />} />
              <Route path="atribusi" element={<AttributionPage />} />
              <Route path="retensi" element={<RetentionPage />} />
              <Route path="corong" element={<FunnelPage />} />
              <Route path="jalur" element={<PathsPage />} />
              <Route path="kasir" element={<CounterPage />} />
              <Route path="penjualan" element={<OrdersPage />} />
              <Route path="penjualan/:orderId" element={<OrdersPage />} />
              <Route path="produk" element={<ProductsPage />} />
              <Route path="laporan" element={<ReportsPage />} />
              {settingsRoute}
              <Route path="*" element={<Navigate to="." replace />} />
            </Route>
            <Route path="*" element={<Gate>{(me) => <HomeRedirect me={me} />}</Gate>} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
