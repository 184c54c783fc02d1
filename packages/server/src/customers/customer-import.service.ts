import { parse } from 'csv-parse/sync';
import { normalizeEmail, normalizePhone } from '@jejak/core';
import { EventRepository, IdentityRepository, type Store } from '@jejak/storage';
import { badRequest } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { fileText } from '../sales-import/sale-file.ts';

export const CUSTOMER_FIELDS = ['id', 'name', 'phone', 'email'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Headers a shop's customer list is likely to have, Indonesian ones too. */
const ALIASES: Record<string, CustomerField> = {
  id: 'id',
  customer_id: 'id',
  customerid: 'id',
  kode: 'id',
  kode_pelanggan: 'id',
  name: 'name',
  nama: 'name',
  nama_pelanggan: 'name',
  phone: 'phone',
  hp: 'phone',
  no_hp: 'phone',
  telepon: 'phone',
  whatsapp: 'phone',
  wa: 'phone',
  email: 'email',
  surel: 'email',
};

export interface CustomerImportSummary {
  dryRun: boolean;
  lines: { total: number; imported: number; alreadyImported: number; rejected: number };
  /** Of the imported lines: customers new to the workspace, and lines that landed on a known customer. */
  customers: { created: number; matched: number };
  errors: { line: number; code: 'no_key' | 'bad_phone' | 'bad_email' | 'duplicate'; reason: string }[];
  ms: number;
}

interface CustomerRow {
  line: number;
  id?: string;
  name?: string;
  phone?: string;
  email?: string;
}

const BATCH = 1000;

/**
 * Imports a customer list: each line an identify through the ingestion path, so phones and emails are
 * normalised and matched by the same identity rules as every event (0812-3456-7890 and +62 812 3456 7890
 * are one person), and a line for a known customer lands on them. A line with an id is that user id; one
 * without is known by its phone or email. Message ids come from the line's key, so a re-run adds nothing.
 */
export class CustomerImportService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly now: () => number,
  ) {}

  async importCustomers(
    workspaceId: string,
    bytes: Uint8Array,
    options: { map?: readonly string[]; dryRun: boolean; source?: string },
  ): Promise<CustomerImportSummary> {
    const started = this.now();
    const { rows, total, errors } = readCustomers(fileText(bytes), options.map ?? []);
    const source = options.source ?? 'customers';
    const messageId = (r: CustomerRow) => `import:${source}:customer:${r.id ?? r.phone ?? r.email}`;
    const seen = new Set<string>();
    const unique = rows.filter((r) => {
      const id = messageId(r);
      if (!seen.has(id)) return seen.add(id);
      errors.push({
        line: r.line,
        code: 'duplicate',
        reason: `an earlier line has the same ${r.id ? 'id' : r.phone ? 'phone' : 'email'}`,
      });
      return false;
    });
    const stored = await this.storedMessages(workspaceId, unique.map(messageId));
    const fresh = unique.filter((r) => !stored.has(messageId(r)));
    const known = await this.knownRows(workspaceId, fresh);
    if (!options.dryRun) {
      const at = this.now();
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH);
        await this.ingest.transact((trx) =>
          this.ingest.emit(
            trx,
            workspaceId,
            batch.map((r) => ({
              type: 'identify',
              messageId: messageId(r),
              ...(r.id ? { userId: r.id } : { anonymousId: `import-customer:${r.phone ?? r.email}` }),
              timestamp: new Date(at).toISOString(),
              traits: {
                ...(r.name ? { name: r.name } : {}),
                ...(r.phone ? { phone: r.phone } : {}),
                ...(r.email ? { email: r.email } : {}),
              },
              context: { library: { name: 'jejak-import' } },
            })),
          ),
        );
      }
    }
    errors.sort((a, b) => a.line - b.line);
    return {
      dryRun: options.dryRun,
      lines: {
        total,
        imported: fresh.length,
        alreadyImported: unique.length - fresh.length,
        rejected: errors.length,
      },
      customers: { created: fresh.length - known, matched: known },
      errors,
      ms: this.now() - started,
    };
  }

  private async storedMessages(workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
    return new EventRepository(this.store.db).existing(workspaceId, ids);
  }

  /** How many lines already have a customer by one of their keys. */
  private async knownRows(workspaceId: string, rows: readonly CustomerRow[]): Promise<number> {
    const identities = new IdentityRepository(this.store.db);
    const keys = rows.flatMap((r) => [
      ...(r.id ? [{ kind: 'user_id', value: r.id }] : []),
      ...(r.phone ? [{ kind: 'phone', value: r.phone }] : []),
      ...(r.email ? [{ kind: 'email', value: r.email }] : []),
    ]);
    const found = new Set((await identities.find(workspaceId, keys)).map((k) => `${k.kind}:${k.value}`));
    return rows.filter(
      (r) =>
        (r.id && found.has(`user_id:${r.id}`)) ||
        (r.phone && found.has(`phone:${r.phone}`)) ||
        (r.email && found.has(`email:${r.email}`)),
    ).length;
  }
}

function readCustomers(text: string, map: readonly string[]) {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || undefined);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw badRequest(
      `The file is not readable CSV: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      'invalid_csv',
    );
  }
  const [header, ...body] = records;
  if (!header)
    throw badRequest('The file is empty; the first row must name the columns', undefined, 'invalid_csv');
  const columns = header.record.map((h) => ALIASES[h.trim().toLowerCase().replace(/\s+/g, '_')]);
  for (const pair of map) {
    const at = pair.lastIndexOf('=');
    const field = pair.slice(at + 1).trim() as CustomerField;
    if (at === -1 || !CUSTOMER_FIELDS.includes(field))
      throw badRequest(
        `mapping: "${pair}" is not column=field with a field among ${CUSTOMER_FIELDS.join(', ')}`,
        undefined,
        'invalid_mapping',
      );
    const index = header.record.findIndex(
      (h) => h.trim().toLowerCase() === pair.slice(0, at).trim().toLowerCase(),
    );
    if (index === -1)
      throw badRequest(
        `mapping: the header has no column "${pair.slice(0, at)}"`,
        undefined,
        'invalid_mapping',
      );
    columns[index] = field;
  }
  if (!columns.some((c) => c === 'id' || c === 'phone' || c === 'email'))
    throw badRequest(
      'The header has no id, phone or email column (map one with column=field)',
      undefined,
      'invalid_mapping',
    );
  const errors: CustomerImportSummary['errors'] = [];
  const rows: CustomerRow[] = [];
  for (const { record, info } of body) {
    const cell = (f: CustomerField) => record[columns.indexOf(f)]?.trim() || undefined;
    const line = info.lines;
    const rawPhone = cell('phone');
    const rawEmail = cell('email');
    const phone = rawPhone ? normalizePhone(rawPhone) : null;
    const email = rawEmail ? normalizeEmail(rawEmail) : null;
    if (rawPhone && phone === null)
      errors.push({ line, code: 'bad_phone', reason: `phone "${rawPhone}" is not a valid phone number` });
    else if (rawEmail && email === null)
      errors.push({ line, code: 'bad_email', reason: `email "${rawEmail}" is not a valid email address` });
    else if (!cell('id') && !phone && !email)
      errors.push({
        line,
        code: 'no_key',
        reason: 'the line has no id, phone or email to know the customer by',
      });
    else
      rows.push({
        line,
        ...(cell('id') ? { id: cell('id')!.slice(0, 200) } : {}),
        ...(cell('name') ? { name: cell('name')!.slice(0, 200) } : {}),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      });
  }
  return { rows, total: body.length, errors };
}
