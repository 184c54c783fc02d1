import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useLoyaltyProgram,
  useLoyaltyResults,
  useSaveLoyaltyProgram,
  type LoyaltyProgram,
  type TierLevel,
} from '../api/loyalty.api.ts';
import { ApiError } from '../api/client.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { CustomerLedger } from './customer-ledger.tsx';
import { LoyaltyMonths } from './loyalty-months.tsx';
import './loyalty.css';

const PERIODS = [30, 90, 365] as const;

/** Running the points program: what it issued and owes, and its rules (owners and admins change them). */
export function LoyaltyPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const [days, setDays] = useState<number>(365);
  const results = useLoyaltyResults(workspace.id, days);
  const program = useLoyaltyProgram(workspace.id);
  const r = results.data;
  return (
    <div className="page loyalty">
      <header className="page-head">
        <h1>{t('loyalty.title')}</h1>
        <p className="lead">{t('loyalty.lead')}</p>
      </header>
      <section className="card">
        <div className="loyalty-head">
          <h2>{t('loyalty.results')}</h2>
          <select
            aria-label={t('period.label')}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            data-testid="loyalty-period"
          >
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t('loyalty.days', { days: d })}
              </option>
            ))}
          </select>
        </div>
        {results.error && <ErrorNotice error={results.error} />}
        {r && (
          <>
            <div className="loyalty-kpis" data-testid="loyalty-kpis">
              <Kpi label={t('loyalty.issued')} value={format.number(r.issued)} testId="kpi-issued" />
              <Kpi label={t('loyalty.redeemed')} value={format.number(r.redeemed)} testId="kpi-redeemed" />
              <Kpi label={t('loyalty.expired')} value={format.number(r.expired)} />
              <Kpi label={t('loyalty.cancelled')} value={format.number(r.cancelled)} />
              <Kpi label={t('loyalty.members')} value={format.number(r.members)} testId="kpi-members" />
              <Kpi
                label={t('loyalty.outstanding')}
                value={format.number(r.outstanding)}
                testId="kpi-outstanding"
              />
              <Kpi
                label={t('loyalty.liability')}
                value={format.money(r.liability)}
                hint={t('loyalty.liabilityHint')}
                testId="kpi-liability"
              />
            </div>
            <LoyaltyMonths months={r.months} format={format} />
            {r.tiers.length > 0 && (
              <table className="loyalty-tiers">
                <caption>{t('loyalty.perTier')}</caption>
                <tbody>
                  {r.tiers.map((tier) => (
                    <tr key={tier.key ?? ''}>
                      <th scope="row">{tier.name ?? (tier.key === null ? t('loyalty.noTier') : tier.key)}</th>
                      <td className="num">{format.number(tier.customers)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
      <CustomerLedger />
      {program.error && <ErrorNotice error={program.error} />}
      {program.data && <ProgramForm saved={program.data} />}
    </div>
  );
}

function Kpi({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="kpi" title={hint}>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function ProgramForm({ saved }: { saved: LoyaltyProgram }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canManage = useCan('loyalty.manage');
  const save = useSaveLoyaltyProgram(workspace.id);
  const [draft, setDraft] = useState<LoyaltyProgram>(saved);
  const [done, setDone] = useState(false);
  const edit = (change: (d: LoyaltyProgram) => LoyaltyProgram) => {
    setDone(false);
    setDraft(change);
  };
  const set = <K extends keyof LoyaltyProgram>(key: K, value: LoyaltyProgram[K]) =>
    edit((d) => ({ ...d, [key]: value }));
  const setTiers = (tiers: Partial<LoyaltyProgram['tiers']>) =>
    edit((d) => ({ ...d, tiers: { ...d.tiers, ...tiers } }));
  const setLevel = (i: number, level: Partial<TierLevel>) =>
    setTiers({ levels: draft.tiers.levels.map((l, j) => (j === i ? { ...l, ...level } : l)) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft, {
      onSuccess: (stored) => {
        setDraft(stored);
        setDone(true);
      },
    });
  };
  type NumberKey =
    | 'rupiahPerPoint'
    | 'pointValue'
    | 'minOrder'
    | 'minRedeem'
    | 'maxRedeemPercent'
    | 'pendingDays'
    | 'signupBonus'
    | 'birthdayBonus';
  const numberField = (key: NumberKey, label: string, min = 0) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        value={draft[key]}
        disabled={!canManage}
        data-testid={`program-${key}`}
        onChange={(e) => set(key, Number(e.target.value))}
      />
    </label>
  );
  const flag = (key: 'enabled' | 'earnOnRedeemed' | 'allowNegative', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={draft[key]}
        disabled={!canManage}
        data-testid={`program-${key}`}
        onChange={(e) => set(key, e.target.checked)}
      />
      {label}
    </label>
  );

  return (
    <form className="card loyalty-program" onSubmit={submit} data-testid="loyalty-program">
      <h2>{t('loyalty.program')}</h2>
      {!canManage && <p className="muted">{t('loyalty.readOnly')}</p>}
      {flag('enabled', t('loyalty.enabled'))}
      <div className="loyalty-grid">
        {numberField('rupiahPerPoint', t('loyalty.rupiahPerPoint'), 1)}
        {numberField('pointValue', t('loyalty.pointValue'), 1)}
        {numberField('minOrder', t('loyalty.minOrder'))}
        {numberField('minRedeem', t('loyalty.minRedeem'), 1)}
        {numberField('maxRedeemPercent', t('loyalty.maxRedeemPercent'), 1)}
        <label className="field">
          <span>{t('loyalty.expiryDays')}</span>
          <input
            type="number"
            min={1}
            value={draft.expiryDays ?? ''}
            disabled={!canManage}
            data-testid="program-expiryDays"
            onChange={(e) => set('expiryDays', e.target.value === '' ? null : Number(e.target.value))}
          />
        </label>
        {numberField('pendingDays', t('loyalty.pendingDays'))}
        {numberField('signupBonus', t('loyalty.signupBonus'))}
        {numberField('birthdayBonus', t('loyalty.birthdayBonus'))}
      </div>
      {flag('earnOnRedeemed', t('loyalty.earnOnRedeemed'))}
      {flag('allowNegative', t('loyalty.allowNegative'))}

      <h3>{t('loyalty.tiers')}</h3>
      <div className="loyalty-grid">
        <label className="field">
          <span>{t('loyalty.basis')}</span>
          <select
            value={draft.tiers.basis}
            disabled={!canManage}
            onChange={(e) => setTiers({ basis: e.target.value as 'points' | 'spend' })}
          >
            <option value="points">{t('loyalty.basisPoints')}</option>
            <option value="spend">{t('loyalty.basisSpend')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('loyalty.periodDays')}</span>
          <input
            type="number"
            min={1}
            value={draft.tiers.periodDays}
            disabled={!canManage}
            onChange={(e) => setTiers({ periodDays: Number(e.target.value) })}
          />
        </label>
        <label className="field">
          <span>{t('loyalty.holdDays')}</span>
          <input
            type="number"
            min={0}
            value={draft.tiers.holdDays}
            disabled={!canManage}
            onChange={(e) => setTiers({ holdDays: Number(e.target.value) })}
          />
        </label>
      </div>
      <table data-testid="tier-levels">
        <thead>
          <tr>
            <th>{t('loyalty.tierName')}</th>
            <th className="num">{t('loyalty.threshold')}</th>
            <th className="num">{t('loyalty.multiplier')}</th>
            {canManage && <th />}
          </tr>
        </thead>
        <tbody>
          {draft.tiers.levels.map((level, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={t('loyalty.tierName')}
                  value={level.name}
                  disabled={!canManage}
                  data-testid={`tier-${i}-name`}
                  onChange={(e) =>
                    setLevel(i, {
                      name: e.target.value,
                      key: keyOf(e.target.value) || `tier-${i + 1}`,
                    })
                  }
                />
              </td>
              <td className="num">
                <input
                  type="number"
                  min={1}
                  aria-label={t('loyalty.threshold')}
                  value={level.threshold}
                  disabled={!canManage}
                  data-testid={`tier-${i}-threshold`}
                  onChange={(e) => setLevel(i, { threshold: Number(e.target.value) })}
                />
              </td>
              <td className="num">
                <input
                  type="number"
                  min={1}
                  step={0.1}
                  aria-label={t('loyalty.multiplier')}
                  value={level.multiplierBp / 10_000}
                  disabled={!canManage}
                  onChange={(e) => setLevel(i, { multiplierBp: Math.round(Number(e.target.value) * 10_000) })}
                />
              </td>
              {canManage && (
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setTiers({ levels: draft.tiers.levels.filter((_, j) => j !== i) })}
                  >
                    {t('loyalty.removeTier', { name: level.name })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && (
        <>
          <button
            type="button"
            className="secondary"
            data-testid="add-tier"
            onClick={() => {
              const last = draft.tiers.levels.at(-1);
              const n = draft.tiers.levels.length + 1;
              setTiers({
                levels: [
                  ...draft.tiers.levels,
                  {
                    key: `tier-${n}`,
                    name: '',
                    threshold: (last?.threshold ?? 0) + 100,
                    multiplierBp: 10_000,
                  },
                ],
              });
            }}
          >
            {t('loyalty.addTier')}
          </button>
          <div className="pay-row">
            <button type="submit" disabled={save.isPending} data-testid="save-program">
              {t('loyalty.save')}
            </button>
          </div>
        </>
      )}
      {save.error && (
        <p role="alert" className="error">
          {t('loyalty.invalid', {
            message: save.error instanceof ApiError ? save.error.message : String(save.error),
          })}
        </p>
      )}
      {done && (
        <p role="status" className="muted" data-testid="program-saved">
          {t('loyalty.saved')}
        </p>
      )}
    </form>
  );
}

/** A tier's key from its name: lower case letters, digits and dashes. */
function keyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
}
