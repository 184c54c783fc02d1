import type { FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { isRole } from '@jejak/core/roles';
import { tokenOfHash, useAcceptInvitation, useInvitation, type InvitationPreview } from '../api/auth.api.ts';
import { useFormat } from '../format/use-format.ts';
import { ErrorNotice } from './error-notice.tsx';
import { PublicFrame } from './public-frame.tsx';
import { TextField, formValues } from './text-field.tsx';

/**
 * The page of an invitation link: which business and role it offers, then a new account (name and
 * password) or the existing account's password, and into the workspace signed in.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = tokenOfHash(useLocation().hash);
  const invitation = useInvitation(token);

  return (
    <PublicFrame title={t('invitation.title')}>
      {token === '' ? (
        <p role="alert" className="error">
          {t('invitation.noToken')}
        </p>
      ) : invitation.error ? (
        <ErrorNotice error={invitation.error} />
      ) : invitation.data ? (
        <JoinForm token={token} invitation={invitation.data} />
      ) : (
        <p className="loading">{t('app.loading')}</p>
      )}
    </PublicFrame>
  );
}

function JoinForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const format = useFormat(invitation.workspaceTimezone);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const role = isRole(invitation.role) ? t(`roles.${invitation.role}`) : invitation.role;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    accept.mutate(
      { token, password: v.password ?? '', ...(v.name ? { name: v.name } : {}) },
      { onSuccess: () => void navigate(`/w/${invitation.workspaceId}`, { replace: true }) },
    );
  };

  return (
    <>
      <p data-testid="invitation-offer">
        <Trans i18nKey="invitation.lead" values={{ workspace: invitation.workspaceName, role }} />
      </p>
      <ul className="muted small">
        <li>{t('invitation.email', { email: invitation.email })}</li>
        {invitation.branchNames.length > 0 && (
          <li>{t('invitation.branches', { names: invitation.branchNames.join(', ') })}</li>
        )}
        <li>{t('invitation.expires', { date: format.date(invitation.expiresAt) })}</li>
      </ul>
      <p>
        {invitation.accountExists
          ? t('invitation.existingAccount', { email: invitation.email })
          : t('invitation.newAccount')}
      </p>
      <form onSubmit={submit} className="form">
        {!invitation.accountExists && (
          <TextField name="name" label={t('invitation.name')} autoComplete="name" />
        )}
        <TextField
          name="password"
          type="password"
          label={t('invitation.password')}
          {...(invitation.accountExists
            ? { autoComplete: 'current-password' }
            : { autoComplete: 'new-password', hint: t('invitation.passwordHint'), minLength: 10 })}
        />
        {accept.error && <ErrorNotice error={accept.error} />}
        <button type="submit" disabled={accept.isPending}>
          {invitation.accountExists ? t('invitation.submitExisting') : t('invitation.submitNew')}
        </button>
      </form>
    </>
  );
}
