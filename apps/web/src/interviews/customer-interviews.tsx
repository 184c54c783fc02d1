import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddInterview, useInterviews } from '../api/interviews.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { InterviewCard } from './interview-card.tsx';
import { InterviewForm } from './interview-form.tsx';
import './interviews.css';

/** The customer page's interview notes: the newest first, and a form to add one. */
export function CustomerInterviews({
  customerId,
  stages,
  stageLabel,
}: {
  customerId: string;
  stages: string[];
  stageLabel: (key: string) => string;
}) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canRead = useCan('interviews.read');
  const canWrite = useCan('interviews.write');
  const notes = useInterviews(workspace.id, { customerId }, canRead);
  const add = useAddInterview(workspace.id);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!canRead) return null;
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" data-testid="customer-interviews" aria-labelledby="customer-interviews-title">
      <h2 id="customer-interviews-title">{t('interviews.customerTitle')}</h2>
      <p className="muted small">{t('interviews.customerLead')}</p>
      {canWrite &&
        (adding ? (
          <InterviewForm
            stages={stages}
            stageLabel={stageLabel}
            timeZone={workspace.timezone}
            now={Date.now()}
            pending={add.isPending}
            error={add.error}
            onSave={(fields) =>
              add.mutate(
                { customerId, ...fields },
                {
                  onSuccess: () => {
                    setAdding(false);
                    setSaved(true);
                  },
                },
              )
            }
            onCancel={() => setAdding(false)}
          />
        ) : (
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setAdding(true);
              }}
            >
              {t('interviews.add')}
            </button>
            {saved && <span role="status">{t('interviews.saved')}</span>}
          </div>
        ))}
      {notes.error && <ErrorNotice error={notes.error} />}
      {notes.data && items.length === 0 && <p className="muted">{t('interviews.emptyCustomer')}</p>}
      <div className="interviews">
        {items.map((note) => (
          <InterviewCard
            key={note.id}
            note={note}
            stages={stages}
            stageLabel={stageLabel}
            showCustomer={false}
          />
        ))}
      </div>
      {notes.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void notes.fetchNextPage()}>
          {t('interviews.more')}
        </button>
      )}
    </section>
  );
}
