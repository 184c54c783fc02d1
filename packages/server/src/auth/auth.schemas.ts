import { Type } from 'typebox';
import { Nullable } from '../http/common.schemas.ts';

export const Email = Type.String({ minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 200 });

export const MembershipSchema = Type.Object({
  workspaceId: Type.String(),
  role: Type.String(),
  branchIds: Nullable(Type.Array(Type.String())),
});

export const MeSchema = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
  memberships: Type.Array(MembershipSchema),
  sessionExpiresAt: Type.Number(),
});

export const SignedInSchema = Type.Intersect([
  MeSchema,
  Type.Object({
    csrfToken: Type.String({ description: 'Send it as X-CSRF-Token on every write made with the cookie' }),
  }),
]);

export const SetupStateSchema = Type.Object({
  ownerExists: Type.Boolean({ description: 'False on a fresh installation: show the first-run page' }),
});

export const InvitationPreviewSchema = Type.Object({
  workspaceId: Type.String(),
  workspaceName: Type.String(),
  workspaceTimezone: Type.String(),
  email: Type.String({ description: 'The address invited: the account that joins' }),
  role: Type.String(),
  branchNames: Type.Array(Type.String(), { description: 'Where a manager or cashier will work' }),
  accountExists: Type.Boolean({
    description: 'True: the account signs in with its password to join; false: a name and password create it',
  }),
  expiresAt: Type.Number(),
});
