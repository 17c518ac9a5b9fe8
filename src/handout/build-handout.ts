/**
 * The handout builder (issue 6 point 1, issue 11): findings + the clinician's review + the safety
 * context → the Handout model in one language. Pure and deterministic.
 *
 * - The urgent-help box is always there and always first, so it is always on page one. When a red
 *   flag fired it opens with each red flag's action, worded from the same finding the screen
 *   shows (patient-actions.ts), at the screen's urgency. It cannot be left out.
 * - "Your plan" follows when the clinician marked findings discussed or relevant, or entered the
 *   frequency (plan.ts).
 * - One section per relevant cause: a flagged finding the clinician did not mark "not relevant",
 *   by the handout section ids the rule names; several rules feeding one section give one section
 *   carrying all their ids; near-duplicate sections fold together (content/catalogue.ts FOLDS).
 *   A medicine section names the patient's own drugs from the findings' evidence.
 * - The pregnancy and children routes apply when the safety context says so (`yes`), unless the
 *   clinician marked every rule behind that fact not relevant. They and the quinine warning
 *   cannot be left out; every other section can.
 * - `one-page` keeps the urgent box, the plan, each finding in one line and the clinic's number,
 *   and leaves the general advice and the diary out.
 * - Suppressions (suppressions.ts) remove risky advice by topic from every block and switch on
 *   the replacement wording; conditional sentences follow the record through gates (gates.ts).
 */
import { HANDOUT_SECTIONS } from '../../rules/codes/handout-sections.js';
import type { Finding } from '../../rules/engine/types.js';
import type { ClinicContact } from './clinic.js';
import { FOLDS, routedSections, SPEC_BY_ID } from './content/catalogue.js';
import { drugList } from './content/drug-names.js';
import { FOUND_LEAD, INTRO } from './content/general.js';
import { LABELS } from './content/labels.js';
import { TIER_LABELS, wordAction } from './content/red-flag-actions.js';
import type { BlockSpec, Gate, SectionSpec } from './content/spec.js';
import { ACTIONS_LEAD_ID, CLINIC_LABELS } from './content/urgent-help.js';
import { byRule, ingredientsIn, isMedicationEvidence } from './finding-facts.js';
import { gateHolds, type GateInputs } from './gates.js';
import { formatDay, type Language } from './language.js';
import type { Handout, HandoutBlock, HandoutLayout, HandoutSectionModel, SectionId } from './model.js';
import { patientActions, type PatientAction } from './patient-actions.js';
import { asTopic, PLAN_HEADING, PLAN_TOPICS, planBlocks, type PlanMark } from './plan.js';
import type { SafetyContext, SafetyFactName } from './safety-context.js';
import { activeSuppressions } from './suppressions.js';

/**
 * The clinician's review, by rule id: the review screen's ReviewState (src/review/review-state.ts)
 * mapped by lc-handout-preview (`status` is the relevance): `not-relevant` leaves a cause out;
 * `relevant` or `discussed` puts it in the plan.
 */
export type HandoutReview = Readonly<Record<string, PlanMark | undefined>>;

export interface BuildHandoutInput {
  readonly findings: readonly Finding[];
  readonly review?: HandoutReview;
  readonly language: Language;
  readonly patientName: string;
  /** The visit day, `YYYY-MM-DD`. */
  readonly date: string;
  readonly context: SafetyContext;
  /** Optional sections the clinician chose to leave out; required ones ignore this. */
  readonly leaveOut?: Iterable<string>;
  readonly layout?: HandoutLayout;
  /** The clinic's name and telephone; without them the sheet leaves lines to write them on. */
  readonly clinic?: ClinicContact;
  /** Cramps a month the patient reported (the frequency calculator's mean), when entered. */
  readonly crampsPerMonth?: number | null;
}

const GENERAL_ORDER: readonly SectionId[] = ['during-a-cramp', 'prevention', 'medicines', 'diet'];
const FIRST_CAUSES: readonly SectionId[] = ['quinine-warning', 'pregnancy', 'children'];
const ROUTES: readonly (readonly [SectionId, SafetyFactName])[] = [
  ['pregnancy', 'pregnant'],
  ['children', 'child'],
];
const NOT_CAUSES = new Set<SectionId>(['urgent-help', ...GENERAL_ORDER, 'cramp-diary']);

const notRelevant = (review: HandoutReview | undefined, ruleId: string) => review?.[ruleId]?.status === 'not-relevant';

function push(map: Map<SectionId, string[]>, id: SectionId, ruleIds: readonly string[]) {
  const list = map.get(id) ?? [];
  for (const r of ruleIds) if (!list.includes(r)) list.push(r);
  map.set(id, list);
}

/** Section id → the rules that asked for it, from relevant flagged findings and the routes. */
function sectionsFed(input: BuildHandoutInput): Map<SectionId, string[]> {
  const fed = new Map<SectionId, string[]>();
  for (const f of input.findings) {
    if (f.outcome !== 'flagged' || notRelevant(input.review, f.ruleId)) continue;
    for (const id of routedSections(f)) if (SPEC_BY_ID.has(id)) push(fed, id, [f.ruleId]);
  }
  for (const [section, factName] of ROUTES) {
    const fact = input.context[factName];
    const dismissed = fact.basis.length > 0 && fact.basis.every((b) => notRelevant(input.review, b));
    if (fact.state === 'yes' && !dismissed) push(fed, section, fact.basis);
  }
  return fed;
}

/** The medication resources that made these rules fire. */
function triggerMedications(ruleIds: readonly string[], findings: ReadonlyMap<string, Finding>): Set<string> {
  const ids = new Set<string>();
  for (const r of ruleIds) for (const e of findings.get(r)?.evidence ?? []) if (e.role === 'trigger' && isMedicationEvidence(e)) ids.add(`${e.resourceType}/${e.id}`);
  return ids;
}

function fold(fed: ReadonlyMap<SectionId, string[]>, findings: ReadonlyMap<string, Finding>): Map<SectionId, string[]> {
  const out = new Map<SectionId, string[]>([...fed].map(([k, v]) => [k, [...v]]));
  for (const { from, into, sameProduct } of FOLDS) {
    const moving = out.get(from);
    if (!moving || !out.has(into)) continue;
    if (sameProduct) {
      // Only one pill with both ingredients folds: two pills keep two sections, each with its message.
      const mine = triggerMedications(moving, findings);
      const theirs = triggerMedications(out.get(into)!, findings);
      if (!mine.size || ![...mine].every((id) => theirs.has(id))) continue;
    }
    push(out, into, moving);
    out.delete(from);
  }
  return out;
}

function causeOrder(present: ReadonlySet<SectionId>): SectionId[] {
  return [...FIRST_CAUSES, ...HANDOUT_SECTIONS.filter((id) => !FIRST_CAUSES.includes(id))].filter((id) => present.has(id) && !NOT_CAUSES.has(id));
}

export function buildHandout(input: BuildHandoutInput): Handout {
  const { language: lang, context } = input;
  const layout = input.layout ?? 'full';
  const findings = byRule(input.findings);
  const redFlagFired = input.findings.some((f) => f.outcome === 'flagged' && f.redFlag);
  const suppression = activeSuppressions(context);
  const fedBefore = sectionsFed(input);
  const fed = fold(fedBefore, findings);
  const gates: GateInputs = {
    context,
    suppressions: suppression.states,
    fed: new Set(fedBefore.keys()),
    redFlagFired,
    findings,
    dismissed: (ruleId) => notRelevant(input.review, ruleId),
  };

  const shows = (b: BlockSpec) => (!b.when || gateHolds(b.when, gates)) && !(b.advice ?? []).some((t) => suppression.removed.has(t));
  const render = (blocks: readonly BlockSpec[], many = false): HandoutBlock[] =>
    blocks.filter(shows).map((b) => ({ id: b.id, kind: b.kind ?? 'paragraph', text: (many && b.textMany ? b.textMany : b.text)[lang] }));

  const ruleIdsFor = (spec: SectionSpec): string[] => {
    const ids = [...(fed.get(spec.id) ?? [])];
    const add = (r: string) => {
      if (!ids.includes(r)) ids.push(r);
    };
    // A printed block gated on another section or on a finding brings those rules into this
    // section's trace (the urgent box's signs, "your magnesium was not low" in the medicines).
    for (const b of [...spec.blocks, ...(spec.brief ?? [])]) {
      if (!b.when || !shows(b)) continue;
      for (const ref of gateRefs(b.when)) {
        if ('section' in ref) (fedBefore.get(ref.section) ?? []).forEach(add);
        else if (gateHolds(ref, gates)) add(ref.finding);
      }
    }
    return ids;
  };

  /**
   * The heading, naming the patient's own drugs when the section can ("Your water pill (furosemide)"),
   * and whether it speaks of several medicines (several orders, not one pill with two ingredients).
   */
  const headingOf = (spec: SectionSpec): { heading: string; many: boolean } => {
    const drugs = spec.drugHeading;
    if (!drugs) return { heading: spec.heading[lang], many: false };
    const ruleIds = fed.get(spec.id) ?? [];
    const names: string[] = [];
    for (const r of ruleIds) {
      const f = findings.get(r);
      if (f) for (const n of ingredientsIn(f, drugs.classes)) if (!names.includes(n)) names.push(n);
    }
    const many = triggerMedications(ruleIds, findings).size > 1 && names.length > 1;
    if (!names.length) return { heading: spec.heading[lang], many: false };
    return { heading: `${(many ? drugs.many : drugs.one)[lang]} (${drugList(names, lang)})`, many };
  };

  const actions = patientActions(input.findings);
  const leaveOut = new Set(input.leaveOut ?? []);
  const leftOut: { id: SectionId; heading: string }[] = [];
  const kept = (spec: SectionSpec, heading: string): boolean => {
    if (spec.required || !leaveOut.has(spec.id)) return true;
    leftOut.push({ id: spec.id, heading });
    return false;
  };

  const sections: HandoutSectionModel[] = [urgentBox(actions)];

  const headings = new Map<SectionId, string>();
  const causes = causeOrder(new Set(fed.keys())).flatMap((id) => {
    const spec = SPEC_BY_ID.get(id);
    if (!spec) return [];
    const { heading, many } = headingOf(spec);
    headings.set(id, heading);
    return [{ spec, heading, many }];
  });

  const plan = planBlocks({
    findings: input.findings,
    marks: input.review ?? {},
    ...(input.crampsPerMonth !== undefined ? { crampsPerMonth: input.crampsPerMonth } : {}),
    language: lang,
    topicOf: (f) => topicOf(f, actions, headings, lang),
  });
  if (plan.length || layout === 'one-page') {
    const blocks: HandoutBlock[] = plan.length ? plan : [1, 2].map((n) => ({ id: `plan.write-in-${n}`, kind: 'write-in', text: '' }));
    sections.push({ id: 'your-plan', role: 'plan', heading: PLAN_HEADING[lang], blocks, ruleIds: [], optional: false });
  }

  if (layout === 'one-page') {
    const lines: HandoutBlock[] = [];
    const ruleIds: string[] = [];
    for (const { spec, heading, many } of causes) {
      const brief = render(spec.brief ?? [], many);
      if (!brief.length || !kept(spec, heading)) continue;
      const ids = ruleIdsFor(spec);
      lines.push({ id: `${spec.id}.brief`, kind: 'finding', label: heading, text: brief.map((b) => b.text).join(' '), ruleIds: ids });
      for (const r of ids) if (!ruleIds.includes(r)) ruleIds.push(r);
    }
    if (lines.length) sections.push({ id: 'what-we-found', role: 'found', heading: LABELS.found[lang], blocks: [...render(FOUND_LEAD), ...lines], ruleIds, optional: false });
  } else {
    const general = [...GENERAL_ORDER, 'cramp-diary' as const].map((id) => ({ spec: SPEC_BY_ID.get(id)!, heading: SPEC_BY_ID.get(id)!.heading[lang], many: false }));
    for (const { spec, heading, many } of [...causes, ...general]) {
      const blocks = render(spec.blocks, many);
      if (!blocks.length && !spec.table) continue;
      if (!kept(spec, heading)) continue;
      sections.push({
        id: spec.id,
        role: spec.role,
        heading,
        blocks,
        ...(spec.table ? { table: { caption: spec.table.caption[lang], columns: spec.table.columns.map((c) => c[lang]), emptyRows: spec.table.emptyRows } } : {}),
        ruleIds: ruleIdsFor(spec),
        optional: !spec.required,
      });
    }
  }

  return {
    language: lang,
    layout,
    title: LABELS.title[lang],
    patientLabel: LABELS.patient[lang],
    patientName: input.patientName,
    dateLabel: LABELS.date[lang],
    date: input.date,
    dateText: formatDay(input.date, lang),
    intro: render(INTRO),
    sections,
    leftOut,
    redFlagFired,
    actions,
    suppressions: suppression.applied,
  };

  /** The urgent box: its blocks, the red flags' actions after their lead, the clinic before the fallback. */
  function urgentBox(acts: readonly PatientAction[]): HandoutSectionModel {
    const spec = SPEC_BY_ID.get('urgent-help')!;
    const blocks: HandoutBlock[] = [];
    for (const b of render(spec.blocks)) {
      if (b.id === 'urgent.fallback') blocks.push(clinicBlock());
      blocks.push(b);
      if (b.id === ACTIONS_LEAD_ID) {
        for (const a of acts) blocks.push({ id: `action.${a.action}`, kind: 'action', tier: a.tier, label: TIER_LABELS[a.tier][lang], text: wordAction(a, lang).text, ruleIds: [a.ruleId] });
      }
    }
    const ruleIds = ruleIdsFor(spec);
    for (const a of acts) if (!ruleIds.includes(a.ruleId)) ruleIds.push(a.ruleId);
    return { id: 'urgent-help', role: 'urgent', heading: spec.heading[lang], blocks, ruleIds, optional: false };
  }

  function clinicBlock(): HandoutBlock {
    const c = input.clinic;
    return {
      id: 'urgent.clinic',
      kind: 'clinic',
      text: [c?.name, c?.phone].filter(Boolean).join(', '),
      clinic: { nameLabel: CLINIC_LABELS.name[lang], phoneLabel: CLINIC_LABELS.phone[lang], ...(c?.name ? { name: c.name } : {}), ...(c?.phone ? { phone: c.phone } : {}) },
    };
  }
}

/** The section and finding gates inside a gate, at any depth. */
function gateRefs(g: Gate): ({ readonly section: SectionId } | Extract<Gate, { finding: string }>)[] {
  if ('section' in g || 'finding' in g) return [g];
  if ('all' in g) return g.all.flatMap(gateRefs);
  if ('any' in g) return g.any.flatMap(gateRefs);
  if ('not' in g) return [];
  return [];
}

/** A finding in a few words for the plan: its action's topic for a red flag, else its section's heading. */
function topicOf(f: Finding, actions: readonly PatientAction[], headings: ReadonlyMap<SectionId, string>, lang: Language): string | undefined {
  const action = actions.find((a) => a.ruleId === f.ruleId);
  if (action) return wordAction(action, lang).topic;
  for (const id of routedSections(f)) {
    const heading = headings.get(id) ?? (NOT_CAUSES.has(id) ? undefined : SPEC_BY_ID.get(id)?.heading[lang]);
    if (heading) return asTopic(heading);
  }
  return PLAN_TOPICS[f.ruleId]?.[lang];
}
