import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePromotion, type Promotion, type PromotionInput } from '../api/promotions.api.ts';
import { useBranches, useProductList } from '../api/sales.api.ts';
import { startOfDay, addDays } from '../format/zoned-day.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { NO_RESTRICTIONS, PromotionRestrictions, type Restrictions } from './promotion-restrictions.tsx';

const whole = (value: string): number | null => {
  const digits = value.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
};

/** A new promotion: a code campaign or an automatic one (a happy hour), with its reward and rules. */
export function PromotionForm({ onCreated }: { onCreated: (p: Promotion) => void }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const create = useCreatePromotion(workspace.id);
  const [name, setName] = useState('');
  const [trigger, setTrigger] = useState<'code' | 'automatic'>('code');
  const [rewardType, setRewardType] = useState<'percent' | 'amount' | 'free_item'>('percent');
  const [freeProduct, setFreeProduct] = useState('');
  const [branchIds, setBranchIds] = useState<string[]>([]);
  const [restrictions, setRestrictions] = useState<Restrictions>(NO_RESTRICTIONS);
  const products = useProductList(workspace.id);
  const branches = useBranches(workspace.id);
  const [value, setValue] = useState('');
  const [cap, setCap] = useState('');
  const [minSpend, setMinSpend] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [days, setDays] = useState<number[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [totalLimit, setTotalLimit] = useState('');
  const [perCustomer, setPerCustomer] = useState('');
  const [stackable, setStackable] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const dayNames = t('promotions.days', { returnObjects: true });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = whole(value) ?? 0;
    const zone = workspace.timezone;
    const input: PromotionInput = {
      name: name.trim(),
      trigger,
      reward:
        rewardType === 'percent'
          ? { type: 'percent', percent: amount, maxDiscount: whole(cap) }
          : rewardType === 'amount'
            ? { type: 'amount', amount }
            : { type: 'free_item', productId: freeProduct, quantity: Math.max(amount, 1) },
      branchIds: branchIds.length > 0 ? branchIds : null,
      productIds: restrictions.productIds.length > 0 ? restrictions.productIds : null,
      categories: restrictions.categories.length > 0 ? restrictions.categories : null,
      segments: restrictions.segments.length > 0 ? restrictions.segments : null,
      tiers: restrictions.tiers.length > 0 ? restrictions.tiers : null,
      minSpend: whole(minSpend) ?? 0,
      startsAt: starts ? startOfDay(starts, zone) : null,
      // The end date is the last day it runs: it ends when the next one begins.
      endsAt: ends ? startOfDay(addDays(ends, 1), zone) : null,
      days: days.length > 0 ? days : null,
      hours: from && to ? { from, to } : null,
      totalLimit: whole(totalLimit),
      perCustomerLimit: whole(perCustomer),
      stacking: stackable ? 'stackable' : 'exclusive',
    };
    create.mutate(input, {
      onSuccess: (p) => {
        setDone(t('promotions.create.created', { name: p.name }));
        setName('');
        setRestrictions(NO_RESTRICTIONS);
        onCreated(p);
      },
    });
  };

  return (
    <section className="card">
      <h2>{t('promotions.create.title')}</h2>
      <form className="promotion-form" onSubmit={submit} data-testid="promotion-form">
        <label>
          {t('promotions.create.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} data-testid="promo-name" />
        </label>
        <label>
          {t('promotions.create.kind')}
          <select
            value={trigger}
            onChange={(e) => setTrigger(e.target.value as 'code' | 'automatic')}
            data-testid="promo-trigger"
          >
            <option value="code">{t('promotions.kinds.code')}</option>
            <option value="automatic">{t('promotions.kinds.automatic')}</option>
          </select>
        </label>
        <label>
          {t('promotions.create.rewardType')}
          <select
            value={rewardType}
            onChange={(e) => setRewardType(e.target.value as 'percent' | 'amount' | 'free_item')}
            data-testid="promo-reward-type"
          >
            <option value="percent">{t('promotions.create.percent')}</option>
            <option value="amount">{t('promotions.create.amount')}</option>
            <option value="free_item">{t('promotions.create.freeItem')}</option>
          </select>
        </label>
        {rewardType === 'free_item' && (
          <label>
            {t('promotions.create.freeProduct')}
            <select required value={freeProduct} onChange={(e) => setFreeProduct(e.target.value)}>
              <option value="" />
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {rewardType === 'free_item' ? t('promotions.create.freeQuantity') : t('promotions.create.value')}
          <input
            required
            inputMode="numeric"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="promo-value"
          />
        </label>
        {rewardType === 'percent' && (
          <label>
            {t('promotions.create.cap')}
            <input
              inputMode="numeric"
              value={cap}
              onChange={(e) => setCap(e.target.value)}
              data-testid="promo-cap"
            />
          </label>
        )}
        <label>
          {t('promotions.create.minSpend')}
          <input inputMode="numeric" value={minSpend} onChange={(e) => setMinSpend(e.target.value)} />
        </label>
        <label>
          {t('promotions.create.starts')}
          <input type="date" value={starts} onChange={(e) => setStarts(e.target.value)} />
        </label>
        <label>
          {t('promotions.create.ends')}
          <input type="date" value={ends} onChange={(e) => setEnds(e.target.value)} />
        </label>
        <fieldset className="days">
          <legend>{t('promotions.create.days')}</legend>
          {dayNames.map((label, day) => (
            <label key={label} className="check">
              <input
                type="checkbox"
                checked={days.includes(day)}
                onChange={(e) =>
                  setDays((d) => (e.target.checked ? [...d, day].sort() : d.filter((x) => x !== day)))
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
        {(branches.data ?? []).length > 1 && (
          <fieldset className="days">
            <legend>{t('promotions.create.branches')}</legend>
            {(branches.data ?? []).map((b) => (
              <label key={b.id} className="check">
                <input
                  type="checkbox"
                  checked={branchIds.includes(b.id)}
                  onChange={(e) =>
                    setBranchIds((ids) => (e.target.checked ? [...ids, b.id] : ids.filter((x) => x !== b.id)))
                  }
                />
                {b.name}
              </label>
            ))}
          </fieldset>
        )}
        <PromotionRestrictions workspaceId={workspace.id} value={restrictions} onChange={setRestrictions} />
        <label>
          {t('promotions.create.hoursFrom')}
          <input
            type="time"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="promo-from"
          />
        </label>
        <label>
          {t('promotions.create.hoursTo')}
          <input type="time" value={to} onChange={(e) => setTo(e.target.value)} data-testid="promo-to" />
        </label>
        <label>
          {t('promotions.create.totalLimit')}
          <input inputMode="numeric" value={totalLimit} onChange={(e) => setTotalLimit(e.target.value)} />
        </label>
        <label>
          {t('promotions.create.perCustomer')}
          <input inputMode="numeric" value={perCustomer} onChange={(e) => setPerCustomer(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={stackable} onChange={(e) => setStackable(e.target.checked)} />
          {t('promotions.create.stackable')}
        </label>
        <div>
          <button type="submit" disabled={create.isPending} data-testid="promo-submit">
            {t('promotions.create.submit')}
          </button>
        </div>
      </form>
      {create.error && <ErrorNotice error={create.error} />}
      {done && (
        <p role="status" data-testid="promo-created">
          {done}
        </p>
      )}
    </section>
  );
}
