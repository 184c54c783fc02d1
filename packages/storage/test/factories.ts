import { randomUUID } from 'node:crypto';
import type {
  NewApiKey,
  NewCustomer,
  NewEvent,
  NewJourneyState,
  NewMerge,
  NewQuarantine,
  NewTransition,
  NewWorkspace,
} from '../src/index.ts';

/** 1 Jan 2026 00:00 UTC: a fixed clock for rows, so tests never read the real one. */
export const T0 = Date.UTC(2026, 0, 1);
export const MINUTE = 60_000;
export const DAY = 86_400_000;

type Scoped<T> = Partial<T> & { workspace_id: string };
type OfCustomer<T> = Scoped<T> & { customer_id: string };

export function aWorkspace(overrides: Partial<NewWorkspace> = {}): NewWorkspace {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    name: 'Toko Maju Jaya',
    slug: `toko-${id.slice(0, 8)}`,
    timezone: 'Asia/Jakarta',
    currency: 'IDR',
    created_at: T0,
    ...overrides,
  };
}

export function anApiKey(overrides: Partial<NewApiKey> = {}): NewApiKey {
  return {
    id: randomUUID(),
    workspace_id: null,
    kind: 'write',
    name: 'Kasir cabang utama',
    prefix: 'jk_w_1234',
    key_hash: randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', ''),
    default_channel: 'store',
    created_at: T0,
    last_used_at: null,
    revoked_at: null,
    ...overrides,
  };
}

export function aCustomer(overrides: Scoped<NewCustomer>): NewCustomer {
  return {
    id: randomUUID(),
    name: 'Siti Rahayu',
    email: null,
    phone: null,
    traits_json: '{}',
    first_seen_at: T0,
    last_seen_at: T0,
    merged_into: null,
    erased_at: null,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function anEvent(overrides: OfCustomer<NewEvent>): NewEvent {
  return {
    message_id: randomUUID(),
    type: 'track',
    name: 'Order Completed',
    channel: 'store',
    at: T0,
    received_at: T0,
    identity_key: 'phone:+6281234567890',
    properties_json: '{"total":150000}',
    payload_json: '{}',
    ...overrides,
  };
}

export function aJourneyState(overrides: OfCustomer<NewJourneyState>): NewJourneyState {
  return {
    stage: 'awareness',
    status: 'new',
    due_at: null,
    last_event_at: T0,
    last_message_id: randomUUID(),
    stage_entered_at: T0,
    rules_version: 1,
    state_json: '{}',
    updated_at: T0,
    first_channel: '',
    home_branch_id: '',
    ...overrides,
  };
}

export function aTransition(overrides: OfCustomer<NewTransition>): NewTransition {
  return {
    kind: 'stage',
    from_value: null,
    to_value: 'awareness',
    at: T0,
    cause: randomUUID(),
    ...overrides,
  };
}

export function aMerge(overrides: Scoped<NewMerge>): NewMerge {
  return {
    id: randomUUID(),
    survivor_id: randomUUID(),
    merged_id: randomUUID(),
    keys_json: '["phone:+6281234567890"]',
    merged_traits_json: '{}',
    cause_message_id: null,
    created_at: T0,
    undone_at: null,
    ...overrides,
  };
}

export function aQuarantined(overrides: Scoped<NewQuarantine>): NewQuarantine {
  return {
    received_at: T0,
    endpoint: '/v1/batch',
    batch_index: 0,
    message_id: null,
    reason: 'type: must be one of track, identify, page, screen, group, alias',
    payload_json: '{"type":"bogus"}',
    ...overrides,
  };
}
