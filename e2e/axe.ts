import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

// Runs in the page, where axe is a global: WCAG 2.1 A and AA (labels, contrast, names, keyboard).
const RUN_AXE = `(async () => {
  const result = await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
})()`;

/**
 * Runs axe-core on the page as it is and returns the violations. The page's context needs
 * `bypassCSP`, since axe is injected as a script the page's policy would refuse.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate<AxeViolation[]>(RUN_AXE);
}
