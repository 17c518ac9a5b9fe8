/**
 * One voice (issue 11 point 1): for every scenario patient (sandbox/patients) and every red-flag
 * rule, the red flags the screen shows and the actions in the handout's urgent box are the same
 * set, at the same urgency, saying the same things in plain words, in English and in Spanish, and
 * nothing elsewhere on the sheet softens them. Each patient is read as recorded, and again with
 * checklist answers that raise the clinician-reported red flags (the recorded bundles carry none).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKLIST_ITEM_LIST, CHECKLIST_ITEMS } from '../../../rules/codes/checklist.js';
import { ALL_RULES } from '../../../rules/index.js';
import type { ChecklistAnswer } from '../../../rules/engine/record.js';
import { evaluateBundleJson } from '../../../src/evaluation/evaluate-bundle.js';
import { checklistResponse } from '../../../src/fhir/checklist-questionnaire.js';
import { mapBundle } from '../../../src/fhir/read-bundle.js';
import { handoutForBundle } from '../../../src/handout/handout-for-bundle.js';
import { LANGUAGES } from '../../../src/handout/language.js';
import { groupFindings } from '../../../src/review/group-findings.js';
import { CONCEPTS, conceptsOnScreen, PATIENT_TIER, SOFTENINGS } from '../../support/screen-and-handout.js';
import { patientText } from '../../support/handout.js';
import { AS_OF, BundleBuilder } from '../../support/handout.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'sandbox', 'patients');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'expected.json' && f !== 'faults.json').sort();
const RED_FLAG_RULES = ALL_RULES.filter((r) => r.redFlag).map((r) => r.id);

const allYes = Object.fromEntries(CHECKLIST_ITEM_LIST.map((i) => [i.id, 'yes' as const]));
const VARIANTS: Readonly<Record<string, Readonly<Record<string, ChecklistAnswer>> | undefined>> = {
  'as recorded': undefined,
  'every checklist item yes': allYes,
  'rest pain only': { [CHECKLIST_ITEMS.restPain.id]: 'yes' },
  'dark urine only': { [CHECKLIST_ITEMS.darkUrine.id]: 'yes' },
};

/** The bundle with this visit's checklist answers added, as the app adds them. */
function withChecklist(json: Record<string, unknown>, answers: Readonly<Record<string, ChecklistAnswer>> | undefined) {
  if (!answers) return json;
  const id = mapBundle(json).record.patient!.source.id;
  const entry = [...((json.entry as unknown[]) ?? []), { fullUrl: 'urn:uuid:visit-checklist', resource: checklistResponse(answers, id, AS_OF) }];
  return { ...json, entry };
}

const seenConcepts = new Set<string>();
const seenRules = new Set<string>();

function compare(name: string, json: unknown) {
  const report = evaluateBundleJson(json, AS_OF);
  const onScreen = groupFindings(report.findings).redFlags;
  for (const lang of LANGUAGES) {
    const { handout } = handoutForBundle(json, AS_OF, lang);
    if (report.patient.deceased) {
      expect(handout, `${name}: no handout for a patient who has died`).toBeUndefined();
      continue;
    }
    expect(handout, name).toBeDefined();
    const box = handout!.sections[0]!;
    expect(box.id, `${name}: the urgent box comes first`).toBe('urgent-help');
    const actions = box.blocks.filter((b) => b.kind === 'action');
    // Every rule: on screen ⇔ in the box, once.
    for (const rule of RED_FLAG_RULES) {
      const shown = onScreen.some((f) => f.ruleId === rule);
      expect(actions.filter((a) => a.ruleIds?.includes(rule)).length, `${name} (${lang}): ${rule} ${shown ? 'on screen' : 'not on screen'}`).toBe(shown ? 1 : 0);
    }
    const sheet = patientText(handout!);
    for (const f of onScreen) {
      seenRules.add(f.ruleId);
      const action = actions.find((a) => a.ruleIds?.includes(f.ruleId))!;
      const where = `${name} (${lang}): ${f.ruleId} [${f.urgency}] "${f.summary}" → "${action.label}: ${action.text}"`;
      expect(action.label, where).toBe(PATIENT_TIER[f.urgency ?? 'urgent'][lang]);
      for (const c of conceptsOnScreen(f)) {
        seenConcepts.add(c.name);
        expect(action.text, `${where}: ${c.name}`).toMatch(c.patient[lang]);
      }
      for (const soft of SOFTENINGS[f.ruleId]?.[lang] ?? []) expect(sheet, `${where}: softened by ${soft}`).not.toMatch(soft);
    }
  }
}

describe('the screen’s red flags and the handout’s urgent box, every scenario patient', () => {
  for (const file of FILES) {
    for (const [variant, answers] of Object.entries(VARIANTS)) {
      it(`${file}, ${variant}`, () => {
        compare(`${file}, ${variant}`, withChecklist(JSON.parse(readFileSync(join(DIR, file), 'utf8')), answers));
      });
    }
  }

  it('reads the 32 scenario patients', () => {
    expect(FILES).toHaveLength(32);
  });
});

describe('red flags the scenario patients do not raise', () => {
  it('a dangerous calcium, a child’s weakness and a bleeding quinine user, built for the purpose', () => {
    compare('ionised calcium 0.8', new BundleBuilder({ gender: 'female', birthDate: '1950-01-01' }).lab({ loinc: '1994-3', value: 0.8, unit: 'mmol/L', date: '2026-11-18' }).bundle());
    compare('insulin, glucose 48', new BundleBuilder({ gender: 'male', birthDate: '1950-01-01' }).medicationRequest({ text: 'insulin glargine 100 UNT/ML Injectable Solution', date: '2026-10-01' }).lab({ loinc: '2345-7', value: 48, unit: 'mg/dL', date: '2026-11-18' }).bundle());
  });
});

afterAll(() => {
  // The comparison above is only as good as its reach: every red-flag rule and every concept was met.
  expect([...RED_FLAG_RULES].filter((r) => !seenRules.has(r))).toEqual([]);
  expect(CONCEPTS.map((c) => c.name).filter((n) => !seenConcepts.has(n))).toEqual([]);
});
