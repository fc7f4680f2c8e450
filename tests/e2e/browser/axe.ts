// axe-core over the page as it stands: WCAG 2.1 A/AA and best practice. Returns the serious and
// critical violations as readable lines (moderate and minor ones are logged). `mustEvaluate` names
// rules axe has to have run, so a scan that silently checked nothing cannot pass.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const PAGE_RULES = ['color-contrast', 'label', 'button-name', 'aria-allowed-attr', 'landmark-one-main'];

export async function seriousViolations(page: Page, mustEvaluate: readonly string[] = PAGE_RULES): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const ran = new Set(results.passes.map((p) => p.id));
  for (const rule of mustEvaluate) {
    if (!ran.has(rule) && !results.violations.some((v) => v.id === rule)) throw new Error(`axe did not evaluate ${rule}`);
  }
  for (const v of results.violations.filter((x) => x.impact === 'moderate' || x.impact === 'minor'))
    console.log(`axe ${v.impact}: ${v.id}`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
