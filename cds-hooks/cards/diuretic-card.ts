/**
 * The order-sign card, "diuretic without electrolytes": the gap rule (gap-diuretic-without-electrolytes)
 * flags a drafted thiazide, loop, potassium-sparing diuretic or carbonic anhydrase inhibitor against
 * the patient's own results, and the card suggests ordering the tests that are missing, as
 * ServiceRequests coded in LOINC (potassium 2823-3, magnesium 2601-3; rules/codes/labs.ts). An `info`
 * card: a test to order, not a danger. It suggests a test, never a supplement (knowledge base section 8).
 */
import { ANALYTES, LOINC } from '../../rules/codes/labs.js';
import type { TraceNode } from '../../rules/engine/criterion.js';
import type { Finding } from '../../rules/engine/types.js';
import { DIURETIC_GAP_RULE } from '../services/engine-checks.js';
import { draftName, type DraftMedication } from '../services/draft-medications.js';
import { makeCard, type Card, type Link } from './card.js';
import { escapeMarkdown } from './markdown.js';
import { DIURETIC_OVERRIDE_REASONS } from './override-reasons.js';
import { cardSource, sourcesLine } from './source.js';

/** The tests the card can order, with the serum/plasma LOINC code the lab list verifies. */
export const TEST_ORDERS = {
  potassium: { analyte: 'potassium', code: '2823-3' },
  magnesium: { analyte: 'magnesium', code: '2601-3' },
} as const;
export type TestId = keyof typeof TEST_ORDERS;

function loincEntry(test: TestId) {
  const { analyte, code } = TEST_ORDERS[test];
  const entry = ANALYTES[analyte].loinc.find((l) => l.code === code);
  if (!entry) throw new Error(`rules/codes/labs.ts lists no LOINC ${code} for ${analyte}`);
  return entry;
}

/**
 * Which tests the flagged gap finding is missing: the "no usable <test> result" criteria that were
 * true on the branch that made the rule fire (a carbonic anhydrase inhibitor needs potassium only).
 */
export function missingTests(finding: Finding): TestId[] {
  const out = new Set<TestId>();
  const walk = (node: TraceNode) => {
    if (node.result !== 'true') return;
    for (const test of Object.keys(TEST_ORDERS) as TestId[]) {
      if (node.criterion.startsWith(`no usable ${ANALYTES[TEST_ORDERS[test].analyte].name} result`)) out.add(test);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(finding.trace);
  return (Object.keys(TEST_ORDERS) as TestId[]).filter((t) => out.has(t));
}

export function serviceRequestFor(test: TestId, patientId: string, encounterId?: string): Record<string, unknown> {
  const entry = loincEntry(test);
  return {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007', display: 'Laboratory procedure' }] }],
    code: { coding: [{ system: LOINC, code: entry.code, display: entry.display }], text: `${ANALYTES[TEST_ORDERS[test].analyte].name} (serum or plasma)` },
    subject: { reference: `Patient/${patientId}` },
    ...(encounterId ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
    reasonCode: [{ text: 'Diuretic ordered without a potassium or magnesium result in the last 12 months' }],
  };
}

export interface DiureticCardInput {
  readonly draft: DraftMedication;
  readonly finding: Finding;
  readonly patientId: string;
  readonly encounterId?: string;
  readonly appLink?: Link;
}

export function diureticCard(input: DiureticCardInput): Card | undefined {
  const tests = missingTests(input.finding);
  if (!tests.length) return undefined;
  const names = tests.map((t) => ANALYTES[TEST_ORDERS[t].analyte].name);
  const words = names.join(' and ');
  const lines = [
    `The order for **${escapeMarkdown(draftName(input.draft))}** is a diuretic, and there is no ${names.join(' or ')} result in the last 12 months.`,
    '',
    escapeMarkdown(input.finding.detail, 600),
    '',
    escapeMarkdown(input.finding.nextStep, 300),
    '',
    sourcesLine(DIURETIC_GAP_RULE.citations),
  ];
  return makeCard({
    summary: `Diuretic ordered with no ${names.join(' or ')} result in the last 12 months: order ${words} tests`,
    detail: lines.join('\n'),
    indicator: 'info',
    source: cardSource(DIURETIC_GAP_RULE.citations),
    suggestions: [
      {
        label: `Order ${words} tests`,
        isRecommended: true,
        actions: tests.map((t) => ({ type: 'create' as const, description: `Order a ${ANALYTES[TEST_ORDERS[t].analyte].name} test (LOINC ${TEST_ORDERS[t].code})`, resource: serviceRequestFor(t, input.patientId, input.encounterId) })),
      },
    ],
    selectionBehavior: 'at-most-one',
    overrideReasons: DIURETIC_OVERRIDE_REASONS,
    ...(input.appLink ? { links: [input.appLink] } : {}),
  });
}
