import type { Customer } from '@jejak/storage';
import { conflict } from '../http/http-error.ts';

/**
 * Nothing new attaches to a customer whose data was erased (a sale, a ticket, a survey or content
 * link, a note, a merge): it would bring his events back. The person, if he comes back, is a new
 * customer, found again by phone, email or id.
 */
export function refuseErased(customer: Pick<Customer, 'id' | 'erased_at'>): void {
  if (customer.erased_at !== null) {
    throw conflict(
      `Customer ${customer.id} was erased; look the person up again, and a new customer starts`,
      undefined,
      'customer_erased',
    );
  }
}
