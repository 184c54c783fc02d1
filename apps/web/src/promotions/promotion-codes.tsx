import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codesCsvUrl, useAddCodes, usePromotionCodes, type Promotion } from '../api/promotions.api.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** A code campaign's codes: one typed by the owner (HEMAT10) or a generated batch, and the CSV of them all. */
export function PromotionCodes({ promotion, onClose }: { promotion: Promotion; onClose: () => void }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const codes = usePromotionCodes(workspace.id, promotion.id);
  const add = useAddCodes(workspace.id, promotion.id);
  const [single, setSingle] = useState('');
  const [count, setCount] = useState('100');
  const [prefix, setPrefix] = useState('');
  const addOne = (e: FormEvent) => {
    e.preventDefault();
    if (single.trim()) add.mutate({ code: single.trim() }, { onSuccess: () => setSingle('') });
  };
  const generate = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(count);
    if (Number.isInteger(n) && n > 0) add.mutate({ count: n, prefix: prefix.trim() });
  };
  return (
    <section className="card promotion-codes" data-testid="promotion-codes">
      <div className="row between">
        <h2>{t('promotions.codes.title', { name: promotion.name })}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('promotions.codes.close')}
        </button>
      </div>
      <p data-testid="code-count">
        {t('promotions.codes.count', { count: codes.data?.length ?? promotion.codes })}
      </p>
      <div className="forms">
        <form onSubmit={addOne} className="row">
          <label>
            {t('promotions.codes.single')}
            <input value={single} onChange={(e) => setSingle(e.target.value)} data-testid="single-code" />
          </label>
          <button type="submit" className="secondary">
            {t('promotions.codes.add')}
          </button>
        </form>
        <form onSubmit={generate} className="row">
          <label>
            {t('promotions.codes.batchCount')}
            <input
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="batch-count"
            />
          </label>
          <label>
            {t('promotions.codes.prefix')}
            <input value={prefix} onChange={(e) => setPrefix(e.target.value)} data-testid="batch-prefix" />
          </label>
          <button type="submit" className="secondary" data-testid="batch-generate">
            {t('promotions.codes.generate')}
          </button>
        </form>
      </div>
      {add.error && <ErrorNotice error={add.error} />}
      <a
        className="button secondary"
        href={codesCsvUrl(workspace.id, promotion.id)}
        download
        data-testid="codes-csv"
      >
        {t('promotions.codes.csv')}
      </a>
      {codes.data && codes.data.length > 0 && (
        <p className="codes-sample muted small">
          {codes.data
            .slice(0, 12)
            .map((c) => c.code)
            .join(' · ')}
          {codes.data.length > 12 ? ' …' : ''}
        </p>
      )}
    </section>
  );
}
