import { useEffect, useState } from 'react';
import { usePutReferralProgram, useReferralProgram, type ReferralProgram } from '../api/referrals.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useReferralTranslation } from './referral-i18n.ts';

const pointsOf = (reward: ReferralProgram['referrerReward']) =>
  reward?.type === 'points' ? reward.points : 0;

/** The program's rules: read by everyone with access, changed by owners and admins (points rewards here; vouchers through the API). */
export function ProgramPanel({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { t } = useReferralTranslation();
  const program = useReferralProgram(workspaceId);
  const save = usePutReferralProgram(workspaceId);
  const [draft, setDraft] = useState<ReferralProgram | null>(null);
  useEffect(() => {
    if (program.data) setDraft(program.data);
  }, [program.data]);
  if (!draft) return program.error ? <ErrorNotice error={program.error} /> : null;
  const rewardText = (reward: ReferralProgram['referrerReward']) =>
    reward === null
      ? t('program.none')
      : reward.type === 'points'
        ? t('kpi.pointsValue', { points: reward.points })
        : t('program.voucher');
  const setPoints = (side: 'referrerReward' | 'friendReward', value: number) =>
    setDraft({ ...draft, [side]: value > 0 ? { type: 'points', points: value } : null });
  return (
    <section className="card" data-testid="referral-program">
      <h2>{t('program.title')}</h2>
      <p>
        {t('program.summary', {
          referrer: rewardText(draft.referrerReward),
          friend: rewardText(draft.friendReward),
          days: draft.windowDays,
        })}
      </p>
      {!canManage && <p className="muted small">{t('program.readOnly')}</p>}
      <fieldset disabled={!canManage} className="program-grid">
        <label className="inline-field">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
          />
          {t('program.enabled')}
        </label>
        <label className="field">
          {t('program.referrerPoints')}
          <input
            type="number"
            min={0}
            value={pointsOf(draft.referrerReward)}
            onChange={(e) => setPoints('referrerReward', Number(e.target.value))}
          />
        </label>
        <label className="field">
          {t('program.friendPoints')}
          <input
            type="number"
            min={0}
            value={pointsOf(draft.friendReward)}
            onChange={(e) => setPoints('friendReward', Number(e.target.value))}
          />
        </label>
        <label className="field">
          {t('program.windowDays')}
          <input
            type="number"
            min={0}
            max={365}
            value={draft.windowDays}
            onChange={(e) => setDraft({ ...draft, windowDays: Number(e.target.value) })}
          />
        </label>
        <label className="field">
          {t('program.minFirstOrder')}
          <input
            type="number"
            min={0}
            value={draft.minFirstOrder}
            onChange={(e) => setDraft({ ...draft, minFirstOrder: Number(e.target.value) })}
          />
        </label>
        <label className="field">
          {t('program.capCount')} ({t('program.noCap')})
          <input
            type="number"
            min={1}
            value={draft.cap?.count ?? ''}
            onChange={(e) =>
              setDraft({
                ...draft,
                cap: e.target.value
                  ? { count: Number(e.target.value), periodDays: draft.cap?.periodDays ?? 30 }
                  : null,
              })
            }
          />
        </label>
        {draft.cap && (
          <label className="field">
            {t('program.capDays')}
            <input
              type="number"
              min={1}
              value={draft.cap.periodDays}
              onChange={(e) =>
                setDraft({ ...draft, cap: { ...draft.cap!, periodDays: Number(e.target.value) } })
              }
            />
          </label>
        )}
      </fieldset>
      {canManage && (
        <p>
          <button type="button" onClick={() => save.mutate(draft)} disabled={save.isPending}>
            {t('program.save')}
          </button>{' '}
          {save.isSuccess && <span className="muted">{t('program.saved')}</span>}
        </p>
      )}
      {save.error && <ErrorNotice error={save.error} />}
    </section>
  );
}
