/**
 * The handout builder (issue 6 point 1): findings + the clinician's review + the safety context →
 * the Handout model in one language. Pure and deterministic.
 *
 * - One section per relevant cause: a flagged finding the clinician did not mark "not relevant",
 *   by the handout section ids the rule names; several rules feeding one section give one section
 *   carrying all their ids; near-duplicate sections fold together (content/catalogue.ts FOLDS).
 * - The pregnancy and children routes apply when the safety context says so (`yes`), unless the
 *   clinician marked every rule behind that fact not relevant.
 * - The urgent-help box is always there, first when any red flag fired, last before the diary
 *   otherwise. It, the routes and the quinine warning cannot be left out; every other section can.
 * - Suppressions (suppressions.ts) remove risky advice by topic from every section and switch on
 *   the replacement wording.
 */
import { HANDOUT_SECTIONS } from '../../rules/codes/handout-sections.js';
import type { Finding } from '../../rules/engine/types.js';
import { FOLDS, SPEC_BY_ID } from './content/catalogue.js';
import { INTRO } from './content/general.js';
import { LABELS } from './content/labels.js';
import type { BlockSpec, SectionSpec } from './content/spec.js';
import { gateHolds, type GateInputs } from './gates.js';
import { formatDay, type Language } from './language.js';
import type { Handout, HandoutBlock, HandoutSectionModel, SectionId } from './model.js';
import type { SafetyContext, SafetyFactName } from './safety-context.js';
import { activeSuppressions } from './suppressions.js';

/**
 * The clinician's review, by rule id. Structurally the review screen's ReviewState
 * (src/review/review-state.ts): only `status === 'not-relevant'` matters here.
 */
export type HandoutReview = Readonly<Record<string, { readonly status: string | null } | undefined>>;

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
    for (const id of f.handoutSections) if (SPEC_BY_ID.has(id as SectionId)) push(fed, id as SectionId, [f.ruleId]);
  }
  for (const [section, factName] of ROUTES) {
    const fact = input.context[factName];
    const dismissed = fact.basis.length > 0 && fact.basis.every((b) => notRelevant(input.review, b));
    if (fact.state === 'yes' && !dismissed) push(fed, section, fact.basis);
  }
  return fed;
}

function fold(fed: ReadonlyMap<SectionId, string[]>): Map<SectionId, string[]> {
  const out = new Map<SectionId, string[]>([...fed].map(([k, v]) => [k, [...v]]));
  for (const [from, into] of FOLDS) {
    const moving = out.get(from);
    if (!moving || !out.has(into)) continue;
    push(out, into, moving);
    out.delete(from);
  }
  return out;
}

function sectionOrder(present: ReadonlySet<SectionId>, redFlagFired: boolean): SectionId[] {
  const causes = [...FIRST_CAUSES, ...HANDOUT_SECTIONS.filter((id) => !FIRST_CAUSES.includes(id))].filter((id) => present.has(id) && !NOT_CAUSES.has(id));
  return [...(redFlagFired ? ['urgent-help' as const] : []), ...causes, ...GENERAL_ORDER, ...(redFlagFired ? [] : ['urgent-help' as const]), 'cramp-diary'];
}

export function buildHandout(input: BuildHandoutInput): Handout {
  const { language: lang, context } = input;
  const redFlagFired = input.findings.some((f) => f.outcome === 'flagged' && f.redFlag);
  const suppression = activeSuppressions(context);
  const fedBefore = sectionsFed(input);
  const fed = fold(fedBefore);
  const gates: GateInputs = { context, suppressions: suppression.states, fed: new Set(fedBefore.keys()), redFlagFired };

  const shows = (b: BlockSpec) => (!b.when || gateHolds(b.when, gates)) && !(b.advice ?? []).some((t) => suppression.removed.has(t));
  const render = (blocks: readonly BlockSpec[]): HandoutBlock[] => blocks.filter(shows).map((b) => ({ id: b.id, kind: b.kind ?? 'paragraph', text: b.text[lang] }));

  const ruleIdsFor = (spec: SectionSpec): string[] => {
    const ids = [...(fed.get(spec.id) ?? [])];
    // Items gated on another section bring that section's rules into this one's trace (the urgent box).
    for (const b of spec.blocks) {
      if (b.when && 'section' in b.when && shows(b)) for (const r of fedBefore.get(b.when.section) ?? []) if (!ids.includes(r)) ids.push(r);
    }
    return ids;
  };

  const leaveOut = new Set(input.leaveOut ?? []);
  const sections: HandoutSectionModel[] = [];
  const leftOut: { id: SectionId; heading: string }[] = [];
  for (const id of sectionOrder(new Set(fed.keys()), redFlagFired)) {
    const spec = SPEC_BY_ID.get(id);
    if (!spec) continue;
    const blocks = render(spec.blocks);
    if (!blocks.length && !spec.table) continue;
    const model: HandoutSectionModel = {
      id,
      role: spec.role,
      heading: spec.heading[lang],
      blocks,
      ...(spec.table ? { table: { caption: spec.table.caption[lang], columns: spec.table.columns.map((c) => c[lang]), emptyRows: spec.table.emptyRows } } : {}),
      ruleIds: ruleIdsFor(spec),
      optional: !spec.required,
    };
    if (model.optional && leaveOut.has(id)) leftOut.push({ id, heading: model.heading });
    else sections.push(model);
  }

  return {
    language: lang,
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
    suppressions: suppression.applied,
    footer: {
      heading: LABELS.footerHeading[lang],
      madeOn: LABELS.madeOn[lang],
      generalLabel: LABELS.general[lang],
      safetyLabel: LABELS.safety[lang],
      safetyUnknownLabel: LABELS.safetyUnknown[lang],
    },
  };
}
