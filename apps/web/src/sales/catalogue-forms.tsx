import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue, type ImportReport } from '../api/sales.api.ts';
import { formValues } from '../pages/text-field.tsx';
import { salesErrorMessage } from './sales-errors.ts';

/** One product by hand: SKU, name, price, and what else is known. */
export function AddProductForm({
  workspaceId,
  branchId,
  onDone,
}: {
  workspaceId: string;
  branchId: string;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { create } = useCatalogue(workspaceId, branchId);
  return (
    <form
      className="card form"
      data-testid="add-product"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const v = formValues(form);
        const whole = (text: string | undefined) => Number((text ?? '').replace(/\D/g, '') || '0');
        create.mutate(
          {
            sku: v.sku ?? '',
            name: v.name ?? '',
            price: whole(v.price),
            cost: whole(v.cost),
            ...(v.category ? { category: v.category } : {}),
            ...(v.barcode ? { barcode: v.barcode } : {}),
          },
          {
            onSuccess: (product) => {
              form.reset();
              onDone(t('sales.catalogue.added', { name: product.name }));
            },
          },
        );
      }}
    >
      <h2>{t('sales.catalogue.add')}</h2>
      {(['sku', 'name', 'category', 'barcode', 'price', 'cost'] as const).map((field) => (
        <label key={field} className="field">
          <span>{t(`sales.catalogue.${field}`)}</span>
          <input
            name={field}
            required={field === 'sku' || field === 'name' || field === 'price'}
            inputMode={field === 'price' || field === 'cost' ? 'numeric' : undefined}
          />
        </label>
      ))}
      {create.error && (
        <p role="alert" className="error">
          {salesErrorMessage(create.error, t)}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {t('sales.catalogue.add')}
      </button>
    </form>
  );
}

/** A spreadsheet of products: checked first (nothing saved), then imported; refused rows by line. */
export function CsvImport({ workspaceId, branchId }: { workspaceId: string; branchId: string }) {
  const { t } = useTranslation();
  const { importCsv } = useCatalogue(workspaceId, branchId);
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = (dryRun: boolean) =>
    csv !== null && importCsv.mutate({ csv, dryRun }, { onSuccess: (r) => setReport(r) });
  const counts = report && {
    created: report.created,
    updated: report.updated,
    rejected: report.rejected.length,
  };
  return (
    <section className="card form" data-testid="csv-import">
      <h2>{t('sales.catalogue.importTitle')}</h2>
      <p className="muted small">{t('sales.catalogue.importHint')}</p>
      <label className="field">
        <span>{t('sales.catalogue.file')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="csv-file"
          onChange={(e) => {
            setReport(null);
            void e.target.files?.[0]?.text().then(setCsv);
          }}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={csv === null || importCsv.isPending}
          onClick={() => run(true)}
          data-testid="csv-check"
        >
          {t('sales.catalogue.check')}
        </button>
        <button
          type="button"
          disabled={csv === null || importCsv.isPending}
          onClick={() => run(false)}
          data-testid="csv-import-now"
        >
          {t('sales.catalogue.import')}
        </button>
      </div>
      {report && counts && (
        <div data-testid="csv-report">
          <p>
            {report.dryRun ? t('sales.catalogue.checked', counts) : t('sales.catalogue.imported', counts)}
          </p>
          <ul className="plain small">
            {report.rejected.map((r) => (
              <li key={r.line} className="error">
                {t('sales.catalogue.line', { line: r.line, reason: problemText(r, t) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {importCsv.error && (
        <p role="alert" className="error">
          {salesErrorMessage(importCsv.error, t)}
        </p>
      )}
      <a href={`/api/v1/workspaces/${workspaceId}/products/export`} download data-testid="csv-export">
        {t('sales.catalogue.export')}
      </a>
    </section>
  );
}

// The default namespace's `t`: ReturnType<typeof useTranslation> would type it over every namespace.
type T = TFunction<'translation'>;
const COLUMNS = ['sku', 'name', 'price', 'cost', 'barcode', 'active', 'track_stock'] as const;

/** A refused row in the reader's language, its column named as the Indonesian or English header. */
function problemText(problem: ImportReport['rejected'][number], t: T): string {
  const column = COLUMNS.find((c) => c === problem.values.column);
  const values = { ...problem.values, ...(column ? { column: t(`sales.catalogue.columns.${column}`) } : {}) };
  return t(`sales.catalogue.problems.${problem.code}`, values);
}
