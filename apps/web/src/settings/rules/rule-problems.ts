import { useTranslation } from 'react-i18next';
import type { RuleProblem } from '../../api/rules.api.ts';
import { formatNumber } from '../../format/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { rulesInto, type Rules } from './rules-draft.ts';

/** A problem the server found, placed and worded for the reader: where, which field, what is wrong. */
export interface Located {
  path: string;
  where: string;
  field: string;
  message: string;
}

/**
 * Words a rule error: the place from its JSON pointer (`/transitions/3/when/event` becomes "rule 2
 * into Purchase"), the field by its name on the form, the problem from its code. An error the
 * catalogue has no words for keeps the server's own message.
 */
export function useLocate(rules: Rules | undefined) {
  const { t, i18n } = useTranslation('settings');
  const language = currentLanguage(i18n.language);
  const stageName = (key: string) => rules?.stages.find((s) => s.key === key)?.label[language] ?? key;

  const where = (segments: string[]): string => {
    const [section, rawIndex] = segments;
    const index = Number(rawIndex);
    const has = Number.isInteger(index) && rules !== undefined;
    switch (section) {
      case 'stages': {
        const stage = has ? rules.stages[index] : undefined;
        return t('rules.where.stage', { n: index + 1, name: stage?.label[language] ?? '' });
      }
      case 'transitions': {
        const rule = has ? rules.transitions[index] : undefined;
        if (!rule) return t('rules.where.rules');
        const n = rulesInto(rules!, rule.to).indexOf(index) + 1;
        return t('rules.where.rule', { n, stage: stageName(rule.to) });
      }
      case 'timers': {
        const timer = has ? rules.timers[index] : undefined;
        return t('rules.where.timer', { stage: timer ? stageName(timer.to) : '' });
      }
      case 'orders':
        return t('rules.where.orders');
      case 'negative':
        return t('rules.where.negative', { n: index + 1 });
      case 'status':
        return t('rules.where.status');
      default:
        return t('rules.where.rules');
    }
  };

  const field = (segments: string[]): string => {
    const named = segments.filter((s) => !/^\d+$/.test(s));
    const last = named[named.length - 1];
    if (last === undefined || named.length === 1) return '';
    const name = named[named.length - 2] === 'label' ? `label_${last}` : last;
    const key = `rules.fields.${name}`;
    return i18n.exists(key, { ns: 'settings' }) ? t(key as 'rules.fields.event') : name;
  };

  return (problem: RuleProblem): Located => {
    const segments = problem.path.split('/').slice(1);
    // An empty list of event names fails the union of "a name or a list"; say what is missing.
    const code =
      problem.code === 'invalid' && segments[segments.length - 1] === 'event' ? 'event_needed' : problem.code;
    const key = `rules.errors.${code}`;
    return {
      path: problem.path,
      where: where(segments),
      field: field(segments),
      message: i18n.exists(key, { ns: 'settings' })
        ? t(key as 'rules.errors.required', readable(problem.params, language))
        : problem.message,
    };
  };
}

type Params = Record<string, string> & { context?: string };

/** Numbers named in a message, written the reader's way (1,5 rather than 1.5). */
function readable(params: RuleProblem['params'], language: 'id' | 'en'): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = typeof value === 'number' ? formatNumber(value, language) : value;
  }
  return out;
}
