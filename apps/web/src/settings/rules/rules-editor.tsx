import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  usePreviewRules,
  useValidateRules,
  type RuleProblem,
  type RulesInForce,
} from '../../api/rules.api.ts';
import { SettingsError } from '../settings-error.tsx';
import { EventNameList } from './event-names.tsx';
import { useLocate } from './rule-problems.ts';
import type { Rules } from './rules-draft.ts';
import { RulesForm } from './rules-form.tsx';
import { RulesJson } from './rules-json.tsx';
import { RulesPreviewPanel } from './rules-preview.tsx';

interface Props {
  workspaceId: string;
  timeZone: string;
  saved: RulesInForce;
  readOnly: boolean;
  saving: boolean;
  onSave: (rules: Rules) => void;
}

type Mode = 'form' | 'json';

/**
 * Edits a copy of the rules in force, in the form or as JSON. Saving needs a preview of exactly the
 * rules being saved: the owner sees who would move before everyone is recomputed.
 */
export function RulesEditor({ workspaceId, timeZone, saved, readOnly, saving, onSave }: Props) {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState<Rules>(() => structuredClone(saved.rules));
  const [mode, setMode] = useState<Mode>('form');
  const [jsonText, setJsonText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const preview = usePreviewRules(workspaceId);
  const validate = useValidateRules(workspaceId);
  const previewBox = useRef<HTMLDivElement>(null);

  const edit = (change: (d: Rules) => void) =>
    setDraft((previous) => {
      const next = structuredClone(previous);
      change(next);
      return next;
    });
  /** What would be saved now: the form's draft, or the JSON text when it parses. */
  const current = (): Rules | undefined => {
    if (mode === 'form') return draft;
    try {
      return JSON.parse(jsonText) as Rules;
    } catch {
      return undefined;
    }
  };
  const currentJson = JSON.stringify(current() ?? null);
  const dirty = currentJson !== JSON.stringify(saved.rules);
  const previewed = preview.isSuccess && JSON.stringify(preview.variables) === currentJson;
  const locate = useLocate(current());
  const located = problems.map(locate);

  const parsed = (): Rules | undefined => {
    const rules = current();
    setParseError(null);
    if (rules === undefined) {
      try {
        JSON.parse(jsonText);
      } catch (error) {
        setParseError(error instanceof Error ? error.message : String(error));
      }
    }
    return rules;
  };
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'invalid_rules' && Array.isArray(error.details)) {
      setProblems(error.details as RuleProblem[]);
    }
  };
  const runPreview = () => {
    const rules = parsed();
    if (!rules) return;
    preview.mutate(rules, {
      onSuccess: () => {
        setProblems([]);
        previewBox.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
      onError: refused,
    });
  };
  const toJson = () => {
    setJsonText(JSON.stringify(draft, null, 2));
    setParseError(null);
    setMode('json');
  };
  const toForm = () => {
    const rules = parsed();
    if (!rules) return;
    validate.mutate(rules, {
      onSuccess: (result) => {
        setProblems(result.errors);
        if (result.valid) {
          setDraft(rules);
          setMode('form');
        }
      },
    });
  };
  const reset = () => {
    setDraft(structuredClone(saved.rules));
    setJsonText(JSON.stringify(saved.rules, null, 2));
    setProblems([]);
    setParseError(null);
    preview.reset();
  };

  return (
    <div className="stack st-rules-editor">
      <EventNameList />
      <div className="st-mode-switch" role="group" aria-label={t('rules.mode')}>
        <button
          type="button"
          className={mode === 'form' ? '' : 'secondary'}
          aria-pressed={mode === 'form'}
          onClick={mode === 'json' ? toForm : undefined}
        >
          {t('rules.formMode')}
        </button>
        <button
          type="button"
          className={mode === 'json' ? '' : 'secondary'}
          aria-pressed={mode === 'json'}
          data-testid="json-mode"
          onClick={mode === 'form' ? toJson : undefined}
        >
          {t('rules.jsonMode')}
        </button>
      </div>
      <div ref={previewBox}>
        {preview.isSuccess && previewed && <RulesPreviewPanel preview={preview.data} timeZone={timeZone} />}
      </div>
      {located.length > 0 && (
        <section className="card st-problems-card" data-testid="rule-problems">
          <h2>{t('rules.problemsTitle', { count: located.length })}</h2>
          <ul className="st-problem-list">
            {located.map((p, i) => (
              <li key={`${p.path}-${i}`}>
                <strong>{p.where}</strong>
                {p.field && ` › ${p.field}`}: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <fieldset className="st-plain" disabled={readOnly}>
        {mode === 'form' ? (
          <RulesForm rules={draft} problems={located} edit={edit} />
        ) : (
          <RulesJson text={jsonText} onChange={setJsonText} readOnly={readOnly} parseError={parseError} />
        )}
      </fieldset>
      {!readOnly && (
        <div className="st-save-bar" data-testid="save-bar">
          <span className="st-save-state small">
            {!dirty ? t('rules.unchanged') : previewed ? t('rules.readyToSave') : t('rules.previewFirst')}
          </span>
          {preview.error &&
            !(preview.error instanceof ApiError && preview.error.code === 'invalid_rules') && (
              <SettingsError error={preview.error} />
            )}
          <button type="button" className="secondary" disabled={!dirty} onClick={reset}>
            {t('rules.discard')}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="rules-preview-button"
            disabled={preview.isPending}
            onClick={runPreview}
          >
            {preview.isPending ? t('rules.previewing') : t('rules.previewButton')}
          </button>
          <button
            type="button"
            data-testid="rules-save"
            disabled={!dirty || !previewed || saving}
            onClick={() => {
              const rules = current();
              if (rules) onSave(rules);
            }}
          >
            {saving ? t('rules.saving') : t('rules.save')}
          </button>
        </div>
      )}
    </div>
  );
}
