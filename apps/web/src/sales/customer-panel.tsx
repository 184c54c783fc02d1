import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { addCustomer, findCustomers, type CounterCustomer } from '../api/sales.api.ts';

/** Who buys: found by phone number, added on the spot, or nobody (a guest sale). */
export const CustomerPanel = forwardRef<
  HTMLInputElement,
  { workspaceId: string; customer: CounterCustomer | null; onChange: (c: CounterCustomer | null) => void }
>(function CustomerPanel({ workspaceId, customer, onChange }, ref) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<CounterCustomer[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const find = async () => {
    setError(null);
    if (phone.replace(/\D/g, '').length < 6) return setError(t('sales.customer.invalidPhone'));
    const { items } = await findCustomers(workspaceId, phone);
    const digits = phone.replace(/\D/g, '').replace(/^0/, '');
    const exact = items.find((c) => c.phone?.replace(/\D/g, '').endsWith(digits));
    if (exact) {
      onChange(exact);
      setFound(null);
    } else setFound(items);
  };

  const add = async () => {
    setError(null);
    try {
      onChange(await addCustomer(workspaceId, { phone, ...(name.trim() ? { name: name.trim() } : {}) }));
      setFound(null);
      setName('');
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 400 ? t('sales.customer.invalidPhone') : t('errors.generic'),
      );
    }
  };

  if (customer) {
    return (
      <section className="panel" data-testid="customer">
        <h2>{t('sales.customer.title')}</h2>
        <p className="chosen">
          <strong data-testid="customer-name">{customer.name ?? t('sales.customer.noName')}</strong>
          <span className="muted"> · {customer.phone}</span>
          <button type="button" className="link" onClick={() => onChange(null)}>
            {t('sales.customer.change')}
          </button>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" data-testid="customer">
      <h2>{t('sales.customer.title')}</h2>
      <div className="row">
        <input
          ref={ref}
          type="tel"
          inputMode="tel"
          aria-label={t('sales.customer.phone')}
          placeholder={t('sales.customer.phone')}
          data-testid="customer-phone"
          value={phone}
          onChange={(e) => {
            setPhone(e.target.value);
            setFound(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" className="secondary" onClick={() => void find()} data-testid="customer-find">
          {t('sales.customer.find')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {found === null && <p className="muted small">{t('sales.customer.guest')}</p>}
      {found !== null && (
        <div className="stack">
          {found.map((c) => (
            <button key={c.id} type="button" className="secondary" onClick={() => onChange(c)}>
              {t('sales.customer.pick', {
                name: `${c.name ?? t('sales.customer.noName')} · ${c.phone ?? ''}`,
              })}
            </button>
          ))}
          <p className="small">{t('sales.customer.notFound', { phone })}</p>
          <div className="row">
            <input
              aria-label={t('sales.customer.name')}
              placeholder={t('sales.customer.name')}
              data-testid="customer-new-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void add();
                }
              }}
            />
            <button type="button" onClick={() => void add()} data-testid="customer-add">
              {t('sales.customer.add')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
});
