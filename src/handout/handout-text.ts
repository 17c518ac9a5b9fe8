/**
 * The handout as plain text, for the command line (`evaluate --handout en|es`): the same model the
 * printed sheet renders, in the same order, so a reviewer can read every patient's handout without
 * a browser. Markdown-like: `#` for the title, `##` for each section, `- ` for bullets, the urgent
 * box's actions as "Today: ...", blank lines `______` to write on, the diary as a table.
 *
 * Every string that can come from a record (the patient's name, the clinic) is made one line
 * without control or bidirectional-override characters first, so nothing can move the cursor,
 * recolour the terminal or reorder what follows.
 */
import { plainClinicText } from './clinic.js';
import type { Handout, HandoutBlock, HandoutSectionModel } from './model.js';

const WRITE_IN = '________________________';

/** One terminal-safe line. */
export const safeLine = (s: string, max = 200): string => plainClinicText(s, max) ?? '';

function blockLine(b: HandoutBlock): string {
  switch (b.kind) {
    case 'bullet':
      return `- ${b.text}`;
    case 'action':
      return `- ${b.label}: ${b.text}`;
    case 'finding':
      return `- ${b.label}: ${b.text}`;
    case 'write-in':
      return `- ${WRITE_IN}${WRITE_IN}`;
    case 'clinic': {
      const c = b.clinic;
      if (!c) return '';
      const name = c.name ? safeLine(c.name) : WRITE_IN;
      const phone = c.phone ? safeLine(c.phone) : WRITE_IN;
      return `${c.nameLabel}: ${name}  ${c.phoneLabel}: ${phone}`;
    }
    default:
      return b.text;
  }
}

function section(s: HandoutSectionModel): string[] {
  const lines = [`## ${s.role === 'urgent' ? '[!] ' : ''}${s.heading}`, ...s.blocks.map(blockLine)];
  if (s.table) {
    const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    lines.push(row(s.table.columns), row(s.table.columns.map(() => '---')));
    for (let i = 0; i < s.table.emptyRows; i++) lines.push(row(s.table.columns.map(() => ' ')));
  }
  return lines;
}

export function handoutText(h: Handout): string {
  return [
    `# ${h.title}`,
    `${h.patientLabel}: ${safeLine(h.patientName) || WRITE_IN} · ${h.dateLabel}: ${h.dateText}`,
    '',
    ...h.intro.map((b) => b.text),
    ...h.sections.flatMap((s) => ['', ...section(s)]),
  ].join('\n');
}

/**
 * Where each part came from, for the care team (never printed on the sheet): section ← rule ids,
 * each red flag's action, and the safety rules applied with what decided them.
 */
export function handoutTraceText(h: Handout): string {
  const lines = ['Where this handout came from (for the care team; not printed):'];
  for (const s of h.sections) {
    const found = s.blocks.filter((b) => b.kind === 'finding' && b.ruleIds?.length);
    if (found.length) for (const b of found) lines.push(`- ${s.id}, ${b.id.replace(/\.brief$/, '')} ← ${b.ruleIds!.join(', ')}`);
    else if (s.ruleIds.length) lines.push(`- ${s.id} ← ${s.ruleIds.join(', ')}`);
  }
  for (const a of h.actions) lines.push(`- urgent box, ${a.tier}: ${a.action} ← ${a.ruleId}`);
  for (const x of h.suppressions) lines.push(`- safety rule ${x.id} (${x.basis === 'unknown' ? 'not on record, applied to be safe' : 'on record'}) ← ${x.sources.join(', ')}`);
  return lines.join('\n');
}
