import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  INTERVIEW_CHANNELS,
  useDeleteInterview,
  useUpdateInterview,
  type Interview,
  type InterviewChannel,
} from '../api/interviews.api.ts';
import { useMe } from '../api/auth.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { formatDate } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { InterviewForm } from './interview-form.tsx';

const isInterviewChannel = (value: string): value is InterviewChannel =>
  (INTERVIEW_CHANNELS as readonly string[]).includes(value);

/** One note: title, who and when, stage, tags and the text; its author or a manager edits or deletes it. */
export function InterviewCard({
  note,
  stages,
  stageLabel,
  showCustomer,
}: {
  note: Interview;
  stages: string[];
  stageLabel: (key: string) => string;
  showCustomer: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { workspace } = useWorkspace();
  const me = useMe();
  const canWrite = useCan('interviews.write');
  const canManage = useCan('interviews.manage');
  const mayChange = canWrite && (canManage || (!!me.data && me.data.user.id === note.authorId));
  const update = useUpdateInterview(workspace.id);
  const remove = useDeleteInterview(workspace.id);
  const [editing, setEditing] = useState(false);
  const date = formatDate(note.interviewedAt, workspace.timezone, currentLanguage(i18n.language));
  if (editing) {
    return (
      <article className="interview card" aria-label={t('interviews.editTitle')}>
        <h3>{t('interviews.editTitle')}</h3>
        <InterviewForm
          note={note}
          stages={stages}
          stageLabel={stageLabel}
          timeZone={workspace.timezone}
          now={Date.now()}
          pending={update.isPending}
          error={update.error}
          onSave={(fields) =>
            update.mutate({ id: note.id, ...fields }, { onSuccess: () => setEditing(false) })
          }
          onCancel={() => setEditing(false)}
        />
      </article>
    );
  }
  return (
    <article className="interview" data-testid="interview">
      <header className="interview-head">
        <h3>{note.title}</h3>
        <span className="chip">{stageLabel(note.stage)}</span>
      </header>
      <p className="small muted">
        {showCustomer && (
          <>
            <Link to={`/w/${workspace.id}/customers/${note.customerId}`}>
              {note.customerName ?? note.customerId}
            </Link>
            {' · '}
          </>
        )}
        {t('interviews.by', { author: note.authorName, date })}
        {' · '}
        {isInterviewChannel(note.channel) ? t(`interviews.channelOf.${note.channel}`) : note.channel}
      </p>
      <p className="interview-body">{note.body}</p>
      {note.tags.length > 0 && (
        <ul className="tags" aria-label={t('interviews.tags')}>
          {note.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {mayChange && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('interviews.edit')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('interviews.confirmRemove'))) remove.mutate(note.id);
            }}
          >
            {t('interviews.remove')}
          </button>
        </div>
      )}
      {remove.error && <ErrorNotice error={remove.error} />}
    </article>
  );
}
