/**
 * `defineRule` checks a rule's shape when its module loads, so a malformed rule fails every test
 * run at once: a missing citation does not compile (the `Citations` tuple type) and also throws
 * here; an id must carry its family prefix; red flags and only red flags live in `redflag-`.
 */
import { SOURCES } from '../codes/sources.js';
import { FAMILIES, GRADES, type RuleDefinition } from './types.js';

const ID_RE = /^[a-z]+(-[a-z0-9]+)+$/;
const VERSION_RE = /^\d+\.\d+\.\d+$/;
const KNOWN_SOURCES = new Set(Object.keys(SOURCES));

export class RuleDefinitionError extends Error {
  constructor(ruleId: string, problem: string) {
    super(`Rule ${ruleId}: ${problem}`);
    this.name = 'RuleDefinitionError';
  }
}

export function defineRule<const R extends RuleDefinition>(rule: R): R {
  const fail = (problem: string) => {
    throw new RuleDefinitionError(rule.id, problem);
  };
  if (!ID_RE.test(rule.id)) fail('id must be lower-case words joined by hyphens');
  if (!rule.id.startsWith(`${rule.family}-`)) fail(`id must start with its family "${rule.family}-"`);
  if (!FAMILIES.includes(rule.family)) fail(`unknown family ${rule.family}`);
  if (!VERSION_RE.test(rule.version)) fail('version must be semantic (1.0.0)');
  if (!GRADES.includes(rule.grade)) fail(`unknown grade ${rule.grade}`);
  if (rule.redFlag !== (rule.family === 'redflag')) fail('redFlag must be true exactly for the redflag- family');
  if (!Array.isArray(rule.citations) || rule.citations.length === 0) fail('at least one citation is required');
  for (const c of rule.citations) if (!KNOWN_SOURCES.has(c.key)) fail(`cites unknown source ${c.key}`);
  const nextStep = typeof rule.nextStep === 'string' ? rule.nextStep : rule.nextStep({ evidence: [], missing: [], facts: {} });
  if (!rule.title.trim() || !nextStep.trim() || !rule.evidenceStatement.trim()) fail('title, nextStep and evidenceStatement are required');
  if (rule.knowledgeBaseRows.length === 0) fail('name the knowledge-base rows it implements');
  if (rule.needs.length === 0) fail('declare the data it needs');
  for (const text of [rule.summary.flagged, rule.summary.notFlagged, rule.summary.insufficient]) {
    if (typeof text === 'string' && text.length > 140) fail(`summary over 140 characters: ${text}`);
  }
  return rule;
}
