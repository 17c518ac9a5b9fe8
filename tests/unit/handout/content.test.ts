/**
 * The handout's content catalogue: every section the rules can name has content; every text
 * exists in every language; every block that touches a risky topic says whether it advises or
 * warns (so the suppressions can see it); and nothing the knowledge base's section 8 calls wrong
 * or unsafe is said.
 */
import { describe, expect, it } from 'vitest';
import { HANDOUT_SECTIONS } from '../../../rules/codes/handout-sections.js';
import { SECTION_SPECS, SPEC_BY_ID } from '../../../src/handout/content/catalogue.js';
import { FOUND_LEAD, INTRO } from '../../../src/handout/content/general.js';
import { LABELS } from '../../../src/handout/content/labels.js';
import type { AdviceTopic, BlockSpec } from '../../../src/handout/content/spec.js';
import { LANGUAGES, type Language, type Localised } from '../../../src/handout/language.js';
import { SUPPRESSIONS } from '../../../src/handout/suppressions.js';
import { ACTION_TEXTS, PLAN_TEXTS } from '../../support/handout-texts.js';

/** Every block, with its one-page line, and its plural wording as a block of its own. */
const BLOCKS: readonly BlockSpec[] = [...INTRO, ...FOUND_LEAD, ...SECTION_SPECS.flatMap((s) => [...s.blocks, ...(s.brief ?? [])])].flatMap((b) => [b, ...(b.textMany ? [{ ...b, id: `${b.id} (several)`, text: b.textMany }] : [])]);

/** Every localised text in the catalogue, named. */
const ALL_TEXTS: readonly (readonly [name: string, text: Localised])[] = [
  ...Object.entries(LABELS).map(([k, v]) => [`label ${k}`, v] as const),
  ...BLOCKS.map((b) => [`block ${b.id}`, b.text] as const),
  ...[...ACTION_TEXTS, ...PLAN_TEXTS].map((t) => [t.id, t.text] as const),
  ...SECTION_SPECS.flatMap((s) => [
    [`heading ${s.id}`, s.heading] as const,
    ...(s.table ? [[`table caption ${s.id}`, s.table.caption] as const, ...s.table.columns.map((c, i) => [`table column ${s.id} ${i}`, c] as const)] : []),
  ]),
];

describe('catalogue', () => {
  it('has content for every handout section id the rules can name, and for nothing else', () => {
    expect([...SPEC_BY_ID.keys()].sort()).toEqual([...HANDOUT_SECTIONS].sort());
    expect(SECTION_SPECS).toHaveLength(HANDOUT_SECTIONS.length);
  });

  it('gives every block a unique id', () => {
    const ids = BLOCKS.map((b) => b.id);
    expect(ids.length).toBeGreaterThan(150);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('marks as required exactly the urgent box and the safety sections', () => {
    expect(SECTION_SPECS.filter((s) => s.required).map((s) => s.id).sort()).toEqual(['children', 'pregnancy', 'quinine-warning', 'urgent-help']);
  });
});

describe('languages', () => {
  it.each(LANGUAGES)('has every text, non-empty and trimmed, in %s', (lang) => {
    const bad = ALL_TEXTS.filter(([, t]) => typeof t[lang] !== 'string' || !t[lang].trim() || t[lang] !== t[lang].trim() || /\s{2}|\{|\}|TODO/.test(t[lang]));
    expect(bad.map(([name]) => name)).toEqual([]);
  });

  it('translates every block (no English left in the Spanish)', () => {
    const same = BLOCKS.filter((b) => b.text.es === b.text.en).map((b) => b.id);
    expect(same).toEqual([]);
  });

  it('uses only the handout languages as keys', () => {
    for (const [name, t] of ALL_TEXTS) expect(Object.keys(t).sort(), name).toEqual([...LANGUAGES].sort());
  });
});

/** Words that mean a block touches a risky topic, per language. */
const TOPIC_WORDS: Record<AdviceTopic, Record<Language, RegExp>> = {
  'potassium-food': { en: /banana|orange|potato|potassium-rich|rich in potassium|high-potassium|foods?\b.*potassium|potassium.*foods?\b/i, es: /plátano|naranja|\bpapas?\b|rico en potasio|alimentos?.*potasio|potasio.*alimentos?/i },
  'salt-substitute': { en: /lite.? salt|salt.free|salt substitute/i, es: /sal .?light|sal sin sodio|sustituto/i },
  'drink-more': { en: /\bdrink (enough|more|extra|plenty)|fluids?\b|(?<!tonic )\bwater\b(?! pills?)/i, es: /líquido|\bagua\b(?! tónica)/i },
  salt: { en: /\bsalt(y)?\b/i, es: /\bsal\b|salad[oa]/i },
  supplement: { en: /supplement|(potassium|magnesium|calcium|vitamin|mineral)s? (pill|tablet)|pill.*(potassium|magnesium|calcium)|give you potassium|treating it is good for your bones|pill or product/i, es: /suplemento|pastillas? de (potasio|magnesio|calcio)|darle potasio|bueno para sus huesos|pastilla o (producto|algo)|pastilla ni producto/i },
  'adult-habits': { en: /alcohol|caffeine|smok/i, es: /alcohol|cafeína|café|\bfum/i },
  quinine: { en: /quinine|tonic/i, es: /quinina|tónica/i },
  'skin-injury': { en: /poke|stick anything|skin\b.*(infection)/i, es: /clave|pinch/i },
};

/**
 * Mentions checked by hand and left on purpose. The alcohol section is for a recorded alcohol
 * problem, where "cutting down helps" is right whoever the patient is; a pregnant patient also
 * reads "no alcohol" in the prevention section. The fluid-loss section's first line only says how
 * fluid is lost ("perder agua").
 */
const INCIDENTAL: Readonly<Record<string, readonly AdviceTopic[]>> = { 'alcohol.link': ['adult-habits'], 'alcohol.brief': ['adult-habits'], 'fluids.link': ['drink-more'] };

describe('risky topics are declared', () => {
  for (const lang of LANGUAGES) {
    it(`every block that mentions a risky topic declares it as advice or caution (${lang})`, () => {
      const undeclared: string[] = [];
      for (const b of BLOCKS) {
        for (const [topic, words] of Object.entries(TOPIC_WORDS) as [AdviceTopic, Record<Language, RegExp>][]) {
          if (!words[lang].test(b.text[lang])) continue;
          const declared = [...(b.advice ?? []), ...(b.cautions ?? []), ...(INCIDENTAL[b.id] ?? [])];
          if (!declared.includes(topic)) undeclared.push(`${b.id}: ${topic}`);
        }
      }
      expect(undeclared).toEqual([]);
    });
  }

  it('removes every advice topic by some suppression; quinine and skin injury are only ever warned about', () => {
    const removable = new Set(SUPPRESSIONS.flatMap((s) => s.removes));
    const advised = new Set(BLOCKS.flatMap((b) => b.advice ?? []));
    for (const t of advised) expect(removable.has(t), t).toBe(true);
    expect(advised.has('quinine')).toBe(false);
    expect(advised.has('skin-injury')).toBe(false);
  });

  it('gives every "drink" advice its fluid-limit exception in the same block', () => {
    for (const b of BLOCKS.filter((x) => x.advice?.includes('drink-more'))) {
      expect(b.text.en, b.id).toMatch(/limit fluids/);
      expect(b.text.es, b.id).toMatch(/lo limite/);
    }
  });
});

describe('nothing the knowledge base calls wrong or unsafe (section 8)', () => {
  const NEVER: Record<Language, readonly RegExp[]> = {
    en: [
      /\bpinch|\bpins?\b|prick|needle|nails? into|reflex point/i,
      /salty|pickle|(?<!(not|never) )\badd (some |more |extra )?salt/i,
      /drink more|increase (your )?fluid/i,
      /procainamide|diphenhydramine|phenytoin|phenobarbital|chloral|barbiturate|valpro|benzodiazepine|primidone/i,
      /electric|current|venom|ointment|contrast shower|\bpine\b/i,
      /osteoporosis|growth (period|spurt)|epilep|\bEEG\b/i,
      /lack of (calcium|magnesium|potassium)/i,
    ],
    es: [
      /pellizc|alfiler|aguja|uñas|pinch/i,
      /salad[oa]|encurtid|(?<!no le ponga )más sal\b/i,
      /(?<!no )tome más líquido|(?<!no )beba más/i,
      /procainamida|difenhidramina|fenitoína|fenobarbital|cloral|barbit|valpro|benzodiazep|primidona/i,
      /eléctric|corriente|veneno|pomada|ungüento|ducha de contraste|\bpino\b/i,
      /osteoporosis|crecimiento|epilep/i,
      /falta de (calcio|magnesio|potasio)/i,
    ],
  };

  for (const lang of LANGUAGES) {
    it(`says none of it (${lang})`, () => {
      const hits = ALL_TEXTS.flatMap(([name, t]) => NEVER[lang].filter((re) => re.test(t[lang])).map((re) => `${name}: ${re}`));
      expect(hits).toEqual([]);
    });

    it(`mentions quinine and tonic water only to warn against them (${lang})`, () => {
      const neg = lang === 'en' ? /\b(not|never|do not)\b/i : /\b(no|nunca)\b/i;
      // Headings ("About quinine") are labels, not advice.
      const texts = ALL_TEXTS.filter(([name, t]) => !name.startsWith('heading') && TOPIC_WORDS.quinine[lang].test(t[lang]));
      expect(texts.length).toBeGreaterThan(10);
      for (const [name, t] of texts) {
        const sentences = t[lang].split(/(?<=[.!?])\s+/).filter((s) => TOPIC_WORDS.quinine[lang].test(s));
        const warned = sentences.every((s) => neg.test(s) || /harm|bleed|bruise|daño|dañar|sangr|moreton|has quinine|tiene quinina|\bstop\b|\bdeje\b|déjela/i.test(s));
        expect(warned, `${name}: ${t[lang]}`).toBe(true);
      }
    });
  }

  it('never suggests potassium, magnesium or calcium pills without a blood test and the doctor', () => {
    for (const b of BLOCKS.filter((x) => /(potassium|magnesium|calcium)( pills|,)/i.test(x.text.en) && /pill/i.test(x.text.en))) {
      expect(b.text.en, b.id).toMatch(/unless|only if|do not|not likely|will likely not|may give you potassium/i);
    }
  });
});
