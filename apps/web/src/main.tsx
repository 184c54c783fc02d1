import { ReviewPage } from './reviews/review.page.tsx';
import { ReviewsPage } from './reviews/reviews.page.tsx';
import { ContentPage } from './content/content.page.tsx';
import { InterviewsPage } from './interviews/interviews.page.tsx';
import { CustomerValuePage } from './analytics/customer-value.page.tsx';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupI18n } from './i18n/i18n.ts';
import { AppShell } from './layout/app-shell.tsx';
import { HomeRedirect } from './layout/home-redirect.tsx';
import { FirstRunPage } from './pages/first-run.page.tsx';
import { Gate } from './pages/gate.tsx';
import { InvitationPage } from './pages/invitation.page.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { ResetPasswordPage } from './pages/reset-password.page.tsx';
import { WorkspaceIndexPage } from './pages/no-pages.page.tsx';
import { OverviewPage } from './journey/overview.page.tsx';
import { CustomerPage } from './customers/customer.page.tsx';
import { CustomersPage } from './customers/customers.page.tsx';
import { SupportSettingsPage } from './support/support-settings.page.tsx';
import { JourneyMapPage } from './journey-map/journey-map.page.tsx';
import { TicketPage } from './support/ticket.page.tsx';
import { TicketsPage } from './support/tickets.page.tsx';
import { AnswerPage } from './surveys/answer.page.tsx';
import { SurveyPage } from './surveys/survey.page.tsx';
import { SurveysPage } from './surveys/surveys.page.tsx';
import { CounterPage } from './sales/counter.page.tsx';
import { OrdersPage } from './sales/orders.page.tsx';
import { ReportsPage } from './reports/reports.page.tsx';
import { LoyaltyPage } from './loyalty/loyalty.page.tsx';
import { PromotionsPage } from './promotions/promotions.page.tsx';
import { ProductsPage } from './sales/products.page.tsx';
import { ReceiptPage } from './sales/receipt.page.tsx';
import { settingsRoute } from './settings/settings.layout.tsx';
import './styles.css';
import './experience.css';

setupI18n();

const queries = new QueryClient({
  // Journey numbers change with every event; half a minute is fresh enough to read and saves requests.
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
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
            <Route path="wawancara" element={<InterviewsPage />} />
            <Route path="nilai-pelanggan" element={<CustomerValuePage />} />
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
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
