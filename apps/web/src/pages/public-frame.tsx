import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/language-switch.tsx';

/** The frame of the pages seen before signing in: name, tagline, language, one card. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="public">
      <header className="public-head">
        <div>
          <strong className="brand">{t('app.name')}</strong>
          <span className="muted"> · {t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <section className="card narrow">
        <h1>{title}</h1>
        {children}
      </section>
    </main>
  );
}
