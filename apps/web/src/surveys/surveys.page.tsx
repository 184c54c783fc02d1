import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSurveys } from '../api/surveys.api.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { SurveyBuilder } from './survey-builder.tsx';

/** The surveys of the workspace, and the builder for a new one. */
export function SurveysPage() {
  const { t } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const navigate = useNavigate();
  const surveys = useSurveys(workspace.id);
  const [building, setBuilding] = useState(false);
  const canManage = membership.role === 'owner' || membership.role === 'admin';
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('surveys.title')}</h1>
        <p className="lead">{t('surveys.lead')}</p>
      </header>
      {building ? (
        <SurveyBuilder
          workspaceId={workspace.id}
          onDone={(survey) => {
            setBuilding(false);
            if (survey) void navigate(`/w/${workspace.id}/surveys/${survey.id}`);
          }}
        />
      ) : (
        canManage && (
          <div>
            <button type="button" onClick={() => setBuilding(true)}>
              {t('surveys.new')}
            </button>
          </div>
        )
      )}
      <section className="card">
        {surveys.error && <ErrorNotice error={surveys.error} />}
        {surveys.data?.length === 0 && <p className="muted">{t('surveys.empty')}</p>}
        {surveys.data && surveys.data.length > 0 && (
          <table data-testid="surveys">
            <thead>
              <tr>
                <th>{t('surveys.name')}</th>
                <th>{t('surveys.kind')}</th>
                <th>{t('tickets.status')}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link className="row-link" to={`/w/${workspace.id}/surveys/${s.id}`}>
                      {s.name}
                    </Link>
                    {s.purpose === 'ticket_csat' && (
                      <div className="small muted">{t('surveys.ticketCsat')}</div>
                    )}
                  </td>
                  <td>{t(`surveys.kindOf.${s.kind}`)}</td>
                  <td>
                    <span className={`badge ${s.status === 'active' ? 'met' : ''}`}>
                      {t(`surveys.statusOf.${s.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
