/**
 * "Ask during the visit" and the checklist this patient is asked: on the scenario patients as
 * written (2026-11-21) and on built records.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEM_LIST } from '../../../rules/codes/checklist.js';
import { evaluateBundleJson, type EvaluationReport } from '../../../src/evaluation/evaluate-bundle.js';
import { checklistItemsFor, redFlagsByItem } from '../../../src/review/checklist-relevance.js';
import { groupFindings } from '../../../src/review/group-findings.js';
import { AS_OF, run, runWithSources } from '../../support/evaluate.js';
import { BundleBuilder } from '../../support/fhir-builder.js';

const scenario = (id: string): EvaluationReport => evaluateBundleJson(JSON.parse(readFileSync(`sandbox/patients/${id}.json`, 'utf8')), AS_OF);
const itemIds = (r: EvaluationReport, answers: Record<string, string> = {}) => checklistItemsFor({ ageYears: r.patient.ageYears, findings: r.findings, answers }).map((i) => i.id);
const ALL = CHECKLIST_ITEM_LIST.map((i) => i.id);

describe('ask during the visit', () => {
  it('all-clear patient: the six red flags that only wait for an answer are questions, not "could not be checked"', () => {
    const g = groupFindings(scenario('all-clear').findings);
    expect(g.notChecked.filter((n) => n.finding.redFlag)).toEqual([]);
    expect(g.askDuringVisit.map((q) => [q.item.id, q.ruleIds])).toEqual([
      ['calf-swelling', ['redflag-vte-risk']],
      ['cold-pale-numb-leg', ['redflag-limb-ischemia']],
      ['rest-pain', ['redflag-limb-ischemia']],
      ['weakness-wasting-fasciculations', ['redflag-neuromuscular']],
      ['widespread-or-long-cramps', ['redflag-neuromuscular']],
      ['saddle-numbness-bladder-bowel', ['redflag-cauda-equina']],
      ['loss-of-consciousness-jerking', ['redflag-seizure']],
      ['dark-urine-muscle-pain', ['redflag-rhabdomyolysis']],
    ]);
  });

  it('13-year-old without labs: red flags that also lack data stay in "could not be checked"', () => {
    const g = groupFindings(scenario('child-asthma-13').findings);
    expect(g.notChecked.filter((n) => n.finding.redFlag).map((n) => n.finding.ruleId)).toEqual(['redflag-severe-electrolyte', 'redflag-rhabdomyolysis']);
    expect(g.askDuringVisit.flatMap((q) => q.ruleIds)).not.toContain('redflag-rhabdomyolysis');
    expect(g.askDuringVisit.flatMap((q) => q.ruleIds)).not.toContain('redflag-severe-electrolyte');
  });

  it('an answered question leaves the list', () => {
    const b = new BundleBuilder({ id: 'p', gender: 'male', birthDate: '1970-01-01' }).checklist({ 'calf-swelling': 'no', 'saddle-numbness-bladder-bowel': 'no' }, AS_OF);
    const asked = groupFindings(run(b).findings).askDuringVisit.map((q) => q.item.id);
    expect(asked).not.toContain('calf-swelling');
    expect(asked).not.toContain('saddle-numbness-bladder-bowel');
    expect(asked).toContain('loss-of-consciousness-jerking');
  });
});

describe('the checklist this patient is asked', () => {
  it('an adult without quinine: no quinine-bleeding question, no child question', () => {
    expect(itemIds(scenario('all-clear'))).toEqual(ALL.filter((id) => id !== 'bleeding-on-quinine' && id !== 'frequent-falls'));
  });

  it('a quinine user is asked about bleeding; a child about falls', () => {
    expect(itemIds(scenario('quinine-statement-normal-platelets'))).toContain('bleeding-on-quinine');
    const child = itemIds(scenario('child-asthma-13'));
    expect(child).toContain('frequent-falls');
    expect(child).not.toContain('bleeding-on-quinine');
  });

  it('when the medicines could not be read, quinine cannot be ruled out: the bleeding question is asked', () => {
    const r = runWithSources(new BundleBuilder({ id: 'p', gender: 'male', birthDate: '1970-01-01' }), { MedicationRequest: { state: 'failed', reason: 'server error (HTTP 500)' } });
    expect(itemIds(r)).toContain('bleeding-on-quinine');
  });

  it('an age that is not known keeps the child question; an answered question never disappears', () => {
    const r = scenario('all-clear');
    expect(checklistItemsFor({ ageYears: null, findings: r.findings, answers: {} }).map((i) => i.id)).toContain('frequent-falls');
    expect(itemIds(r, { 'bleeding-on-quinine': 'no' })).toContain('bleeding-on-quinine');
  });

  it('finds the red flag a "yes" raised, by its item', () => {
    const b = new BundleBuilder({ id: 'p', gender: 'male', birthDate: '1970-01-01' }).checklist({ 'saddle-numbness-bladder-bowel': 'yes', 'calf-swelling': 'no' }, AS_OF);
    const raised = redFlagsByItem(run(b).findings);
    expect([...raised.keys()]).toEqual(['saddle-numbness-bladder-bowel']);
    expect(raised.get('saddle-numbness-bladder-bowel')!.map((f) => f.ruleId)).toEqual(['redflag-cauda-equina']);
  });
});
