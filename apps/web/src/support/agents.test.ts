import { describe, expect, it } from 'vitest';
import type { Member } from '../api/members.api.ts';
import { agentsFor } from './agents.ts';

const member = (name: string, role: string, branchIds: string[] = []): Member => ({
  userId: `u-${name}`,
  email: `${name}@kopi.example`,
  name,
  role,
  branchIds,
  createdAt: 0,
});

const team = [
  member('Wati', 'owner'),
  member('Andi', 'admin'),
  member('Budi', 'manager', ['kemang']),
  member('Citra', 'manager', ['depok']),
  member('Dedi', 'cashier', ['kemang']),
  member('Eka', 'analyst'),
];

describe('ticket agents', () => {
  it("offers owners, admins and the managers of the ticket's branch, by name", () => {
    expect(agentsFor(team, 'kemang').map((m) => m.name)).toEqual(['Andi', 'Budi', 'Wati']);
    expect(agentsFor(team, 'depok').map((m) => m.name)).toEqual(['Andi', 'Citra', 'Wati']);
  });

  it('offers no manager for a ticket without a branch, and never a cashier or an analyst', () => {
    expect(agentsFor(team, null).map((m) => m.name)).toEqual(['Andi', 'Wati']);
  });
});
