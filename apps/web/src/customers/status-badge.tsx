import { useCustomerLabels } from './customer-labels.ts';

/** A customer's health as a small coloured label; the colour repeats the word, never replaces it. */
export function StatusBadge({ status }: { status: string }) {
  const labels = useCustomerLabels();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {labels.status(status)}
    </span>
  );
}
