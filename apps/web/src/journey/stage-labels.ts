import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import type { StageCount } from '../api/journey.api.ts';

/**
 * Stage names come with the workspace's rules (a business may rename or add stages), in both
 * languages; the catalogue only words the stage-less entry and an unknown key.
 */
export function useStageLabel(stages: StageCount[] | undefined) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (key: string | null): string => {
    if (key === null) return t('stages.entry');
    const stage = stages?.find((s) => s.key === key);
    return stage ? stage.label[language] : t('stages.unknown', { key });
  };
}
