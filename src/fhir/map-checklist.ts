/**
 * QuestionnaireResponse → ChecklistResponse. Answers to the app's own point-of-care Questionnaire
 * are read by linkId; a response to any other form is read by item text (every keyword of a
 * checklist item must appear), so another system's "calf swelling?" question still counts.
 * Yes/no may arrive as valueBoolean, a Coding (LOINC LA33-6 / LA32-8, or Y/N) or a string.
 */
import { CHECKLIST_ITEM_LIST, CHECKLIST_QUESTIONNAIRE_URL, type ChecklistItem } from '../../rules/codes/checklist.js';
import type { ChecklistAnswer, ChecklistResponse } from '../../rules/engine/record.js';
import { normaliseText } from '../../rules/engine/text.js';
import { arr, bool, day, field, malformedDateCounter, obj, resourceId, str, type JsonObject } from './fhir-values.js';
import type { MappingReport } from './mapping-report.js';

const YES = new Set(['la33-6', 'y', 'yes', 'true', 'si', 'sí', '373066001']);
const NO = new Set(['la32-8', 'n', 'no', 'false', '373067005']);
const BY_ID = new Map(CHECKLIST_ITEM_LIST.map((i) => [i.id, i]));

function answerOf(item: JsonObject | undefined): ChecklistAnswer | undefined {
  for (const a of arr(field(item, 'answer')).map(obj)) {
    const b = bool(field(a, 'valueBoolean'));
    if (b !== undefined) return b ? 'yes' : 'no';
    const coding = obj(field(a, 'valueCoding'));
    const token = (str(field(coding, 'code')) ?? str(field(coding, 'display')) ?? str(field(a, 'valueString')))?.toLowerCase();
    if (token && YES.has(token)) return 'yes';
    if (token && NO.has(token)) return 'no';
  }
  return undefined;
}

function byText(text: string | undefined): ChecklistItem | undefined {
  if (!text) return undefined;
  const words = ` ${normaliseText(text)} `;
  return CHECKLIST_ITEM_LIST.find((i) => i.keywords.some((kw) => kw.every((k) => words.includes(` ${normaliseText(k)} `))));
}

/** Items at any depth: forms nest questions in groups. */
function* walk(items: unknown, depth = 0): Generator<JsonObject> {
  if (depth > 8) return;
  for (const i of arr(items).map(obj)) {
    if (!i) continue;
    yield i;
    yield* walk(field(i, 'item'), depth + 1);
    for (const a of arr(field(i, 'answer')).map(obj)) yield* walk(field(a, 'item'), depth + 1);
  }
}

export function mapChecklist(qr: JsonObject, report: MappingReport): ChecklistResponse | undefined {
  const id = resourceId(qr);
  if (!id) {
    report.drop('QuestionnaireResponse', 'no id');
    return undefined;
  }
  const questionnaire = str(field(qr, 'questionnaire'))?.split('|')[0];
  const own = questionnaire === CHECKLIST_QUESTIONNAIRE_URL;
  const answers: Record<string, ChecklistAnswer> = {};
  const itemSources: Record<string, string> = {};
  for (const item of walk(field(qr, 'item'))) {
    const linkId = str(field(item, 'linkId'));
    const def = (own && linkId ? BY_ID.get(linkId) : undefined) ?? byText(str(field(item, 'text')));
    const answer = def ? answerOf(item) : undefined;
    if (!def || !answer) continue;
    answers[def.id] = answer;
    itemSources[def.id] = linkId ?? def.id;
  }
  if (!Object.keys(answers).length) {
    report.drop('QuestionnaireResponse', 'no checklist answers recognised');
    return undefined;
  }
  // A malformed date is read as absent and counted, never as another day (catalogue, second round).
  const authored = day(field(qr, 'authored'), () => malformedDateCounter(report, 'QuestionnaireResponse')('authored'));
  return {
    source: { resourceType: 'QuestionnaireResponse', id },
    ...(authored ? { authored } : {}),
    status: str(field(qr, 'status')) ?? 'unknown',
    answers,
    itemSources,
  };
}
