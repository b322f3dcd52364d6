/**
 * axe-core in a real page, without loosening the page's Content-Security-Policy: its source
 * is evaluated through the DevTools protocol (page.evaluate), which a CSP does not govern, so
 * the app's headers stay exactly as served. What axe leaves undecided is decided here:
 * colour contrast from the colours really painted (e2e/painted-contrast.ts); any other
 * undecided item of impact moderate or higher counts as a finding, to be fixed in the markup.
 * A11Y_VERBOSE=1 prints how each undecided contrast was decided, and every minor violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { paintedContrasts } from './painted-contrast';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail the audit (the bar: moderate or higher). */
const FAILING = new Set(['moderate', 'serious', 'critical']);

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  target: string;
  detail: string;
}

export const formatFinding = (f: Finding) => `${f.screen}: ${f.rule} (${f.impact}) ${f.target} — ${f.detail}`;

interface AxeNode {
  target: unknown[];
  impact?: string | null;
  html: string;
  failureSummary?: string;
  any: { data?: unknown; message: string }[];
}
interface AxeRule {
  id: string;
  impact?: string | null;
  nodes: AxeNode[];
}

/** Let transitions finish (a colour caught mid-fade is not the colour a person reads); endless animations are left running. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Run axe on what the page shows now. `screen` names it in the findings. Returns violations
 * of impact moderate or higher, undecided contrast that the real colours fail, and every other
 * undecided item of that impact.
 */
export async function audit(page: Page, screen: string): Promise<Finding[]> {
  // A screen that changed by itself between axe's run and the measuring (the projector turns
  // its results pages every 12 s) is audited again, as it now is.
  for (let attempt = 1; ; attempt++) {
    const { findings, changed } = await auditOnce(page, screen);
    if (!changed || attempt === 3) return findings;
  }
}

async function auditOnce(page: Page, screen: string): Promise<{ findings: Finding[]; changed: boolean }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await settle(page);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[]; incomplete: unknown[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    // Drop axe's long pass/fail lists: only what is reported travels back.
    return JSON.parse(JSON.stringify({ violations: r.violations, incomplete: r.incomplete }));
  });
  const findings: Finding[] = [];
  let changed = false;
  const add = (rule: AxeRule, node: AxeNode, detail: string, impact = node.impact ?? rule.impact ?? 'unknown') =>
    findings.push({ screen, rule: rule.id, impact, target: JSON.stringify(node.target), detail });

  for (const rule of result.violations as AxeRule[]) {
    for (const node of rule.nodes) {
      if (FAILING.has(node.impact ?? rule.impact ?? '')) add(rule, node, firstLine(node.failureSummary ?? node.html));
      else if (process.env.A11Y_VERBOSE) console.log(`${screen}: minor ${rule.id} ${JSON.stringify(node.target)}`);
    }
  }
  for (const rule of result.incomplete as AxeRule[]) {
    if (rule.id === 'color-contrast') {
      const measured = await paintedContrasts(page, rule.nodes.map((n) => n.target));
      changed = measured.some((m) => m.gone);
      for (const [i, m] of measured.entries()) {
        if (process.env.A11Y_VERBOSE) console.log(`${screen}: undecided contrast ${JSON.stringify(m.target)} → ${m.detail}`);
        if (!m.ok) add(rule, rule.nodes[i]!, `painted contrast ${m.detail}`, 'serious');
      }
      continue;
    }
    for (const node of rule.nodes) {
      if (FAILING.has(node.impact ?? rule.impact ?? '')) add(rule, node, `undecided by axe: ${firstLine(node.any[0]?.message ?? node.html)}`);
    }
  }
  return { findings, changed };
}

const firstLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');
