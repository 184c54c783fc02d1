import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePromotionQuote } from '../api/promotions.api.ts';
import { useCheckout, useSalesSettings, type Order } from '../api/sales.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { BranchPicker } from './branch-picker.tsx';
import {
  addPayment,
  addProduct,
  checkPayments,
  checkoutInput,
  emptyCart,
  priceCart,
  setQuantity,
  type Cart,
} from './cart.ts';
import { CartTable } from './cart-table.tsx';
import { CustomerPanel } from './customer-panel.tsx';
import { DonePanel } from './done-panel.tsx';
import { MoneyInput } from './money-input.tsx';
import { PaymentPanel } from './payment-panel.tsx';
import { PointsPanel } from './points-panel.tsx';
import { ProductSearch } from './product-search.tsx';
import { salesErrorMessage } from './sales-errors.ts';
import { useBranchChoice } from './use-branch.ts';
import { VoucherPanel } from './voucher-panel.tsx';
import './sales.css';

/** The cashier's screen: find products, the customer by phone, take the payment, hand over the receipt. */
export function CounterPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const choice = useBranchChoice(workspace.id);
  const settings = useSalesSettings(workspace.id);
  if (choice.error || settings.error) return <ErrorNotice error={choice.error ?? settings.error} />;
  if (choice.loading || !settings.data) return <p className="loading">{t('app.loading')}</p>;
  if (!choice.branch) return <p className="card">{t('sales.noBranch')}</p>;
  return (
    <Till
      key={choice.branch.id}
      workspaceId={workspace.id}
      shop={workspace.name}
      timezone={choice.branch.timezone}
      tax={{ rateBp: settings.data.taxRateBp, mode: settings.data.taxMode }}
      picker={<BranchPicker branches={choice.branches} branch={choice.branch} choose={choice.choose} />}
      branchId={choice.branch.id}
    />
  );
}

function Till({
  workspaceId,
  shop,
  branchId,
  timezone,
  tax,
  picker,
}: {
  workspaceId: string;
  shop: string;
  branchId: string;
  timezone: string;
  tax: { rateBp: number; mode: 'included' | 'added' };
  picker: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat(timezone);
  const [cart, setCart] = useState<Cart>(emptyCart);
  const [done, setDone] = useState<Order | null>(null);
  const checkout = useCheckout(workspaceId, branchId);
  const search = useRef<HTMLInputElement>(null);
  const phone = useRef<HTMLInputElement>(null);
  // Promotions come from the server's quote of this very cart; the sale waits for it to be current.
  const quote = usePromotionQuote(workspaceId, branchId, {
    codes: cart.vouchers,
    customerId: cart.customer?.id ?? null,
    lines: cart.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
    lang: i18n.language === 'en' ? 'en' : 'id',
  });
  const quoted = quote.isSuccess && !quote.isPlaceholderData && !quote.isFetching;
  const { priced, error: priceError } = priceCart(cart, tax, quoted ? quote.data.lineCuts : []);
  const total = priced?.total ?? 0;
  const check = checkPayments(cart.payments, total);
  const canPay =
    priced !== null &&
    quoted &&
    quote.data.refused.length === 0 &&
    check.due === 0 &&
    !check.cashShort &&
    !checkout.isPending;
  const rate = format.share(tax.rateBp / 10_000);

  const pay = () => {
    if (!canPay) return;
    checkout.mutate(checkoutInput(cart, check.amounts), {
      onSuccess: (order) => setDone(order),
    });
  };
  const next = () => {
    setDone(null);
    setCart(emptyCart());
    checkout.reset();
    setTimeout(() => search.current?.focus(), 0);
  };

  // Keyboard first: F2 search, F4 customer, F9 pay, Esc next sale. A scanner typing while nothing
  // is focused lands in the search box.
  const keys = useRef({ pay, next, done });
  keys.current = { pay, next, done };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, select, textarea') !== null && target !== document.body;
      if (e.key === 'F2') {
        e.preventDefault();
        search.current?.focus();
      } else if (e.key === 'F4') {
        e.preventDefault();
        phone.current?.focus();
      } else if (e.key === 'F9' || (e.key === 'Enter' && e.ctrlKey)) {
        e.preventDefault();
        keys.current.pay();
      } else if (e.key === 'Escape' && keys.current.done) {
        e.preventDefault();
        keys.current.next();
      } else if (
        !typing &&
        !keys.current.done &&
        e.key.length === 1 &&
        !e.ctrlKey &&
        !e.metaKey &&
        !e.altKey
      ) {
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (done) return <DonePanel order={done} shop={shop} format={format} onNext={next} />;

  return (
    <div className="till" data-testid="till">
      <section className="till-main">
        <header className="till-head">
          <h1>{t('sales.counter.title')}</h1>
          {picker}
        </header>
        <ProductSearch
          ref={search}
          workspaceId={workspaceId}
          money={format.money}
          onAdd={(product) => setCart((c) => addProduct(c, product))}
        />
        <CartTable
          lines={cart.lines}
          priced={priced}
          money={format.money}
          setQuantity={(id, q) => setCart((c) => setQuantity(c, id, q))}
        />
      </section>
      <aside className="till-side">
        <CustomerPanel
          ref={phone}
          workspaceId={workspaceId}
          customer={cart.customer}
          onChange={(customer) => setCart((c) => ({ ...c, customer, redeem: null }))}
        />
        {cart.customer && (
          <PointsPanel
            key={cart.customer.id}
            workspaceId={workspaceId}
            branchId={branchId}
            customerId={cart.customer.id}
            redeem={cart.redeem}
            onRedeem={(redeem) => setCart((c) => ({ ...c, redeem }))}
            format={format}
          />
        )}
        {cart.customer && (
          <section className="panel referral" data-testid="referral-panel">
            <label>
              {t('sales.referral.code')}
              <input
                data-testid="referral-code"
                value={cart.referralCode}
                autoCapitalize="characters"
                placeholder={t('sales.referral.placeholder')}
                onChange={(e) => {
                  const referralCode = e.target.value;
                  setCart((c) => ({ ...c, referralCode }));
                }}
              />
            </label>
            <p className="small muted">{t('sales.referral.hint')}</p>
          </section>
        )}
        <VoucherPanel
          workspaceId={workspaceId}
          branchId={branchId}
          customerId={cart.customer?.id ?? null}
          vouchers={cart.vouchers}
          quote={cart.lines.length > 0 ? quote.data : undefined}
          checking={quote.isFetching}
          onAdd={(code) => setCart((c) => ({ ...c, vouchers: [...c.vouchers, code] }))}
          onRemove={(code) => setCart((c) => ({ ...c, vouchers: c.vouchers.filter((v) => v !== code) }))}
          format={format}
        />
        <section className="panel totals" data-testid="totals">
          <dl>
            <dt>{t('sales.counter.subtotal')}</dt>
            <dd className="num">{format.money(priced?.subtotal ?? 0)}</dd>
            {priced && priced.promotionDiscount > 0 && (
              <>
                <dt>{t('sales.vouchers.discount')}</dt>
                <dd className="num" data-testid="promotion-discount">
                  −{format.money(priced.promotionDiscount)}
                </dd>
              </>
            )}
            <dt>
              <label htmlFor="order-discount">{t('sales.counter.orderDiscount')}</label>
            </dt>
            <dd className="num">
              <MoneyInput
                label={t('sales.counter.orderDiscount')}
                testId="order-discount"
                value={cart.orderDiscount || null}
                onChange={(v) => setCart((c) => ({ ...c, orderDiscount: v ?? 0 }))}
              />
            </dd>
            {cart.redeem && (
              <>
                <dt>{t('sales.points.applied', { points: format.number(cart.redeem.points) })}</dt>
                <dd className="num" data-testid="points-discount">
                  −{format.money(cart.redeem.value)}
                </dd>
              </>
            )}
            {priced && priced.taxTotal > 0 && (
              <>
                <dt>
                  {tax.mode === 'included'
                    ? t('sales.counter.taxIncluded', { rate })
                    : t('sales.counter.taxAdded', { rate })}
                </dt>
                <dd className="num">{format.money(priced.taxTotal)}</dd>
              </>
            )}
            <dt className="grand">{t('sales.counter.total')}</dt>
            <dd className="num grand" data-testid="total">
              {format.money(total)}
            </dd>
          </dl>
          {priceError && <p className="error">{t('sales.errors.invalid')}</p>}
        </section>
        <PaymentPanel
          rows={cart.payments}
          check={check}
          total={total}
          money={format.money}
          number={format.number}
          onChange={(payments) => setCart((c) => ({ ...c, payments }))}
          onAdd={(method) => setCart((c) => addPayment(c, method, total))}
        />
        {checkout.error && (
          <p role="alert" className="error" data-testid="checkout-error">
            {salesErrorMessage(
              checkout.error,
              t,
              (id) => cart.lines.find((l) => l.product.id === id)?.product.name ?? '',
            )}
          </p>
        )}
        <div className="pay-row">
          <button type="button" className="secondary" onClick={() => setCart(emptyCart())}>
            {t('sales.counter.clear')}
          </button>
          <button type="button" className="pay" disabled={!canPay} onClick={pay} data-testid="pay">
            {checkout.isPending
              ? t('sales.pay.paying')
              : t('sales.pay.submit', { amount: format.money(total) })}
          </button>
        </div>
      </aside>
    </div>
  );
}
