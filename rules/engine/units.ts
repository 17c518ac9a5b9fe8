/**
 * Units: spellings labs really send, normalised to one key each, and explicit per-analyte
 * conversions. Nothing is guessed: a unit that is not listed here for an analyte makes the result
 * unusable ("unknown unit"), and the rule that needed it says insufficient-data. A UCUM code that
 * names another known unit than the unit text makes it unusable too (`unit-conflict`, rule
 * catalogue, second round): which of the two is right cannot be told, and picking one turned a
 * potassium of 3.8 mmol/L sent with the code `mg/dL` into 0.97 mmol/L.
 *
 * Every table here is read with strings from FHIR, so every lookup asks for an own property
 * (`constructor` or `__proto__` as a unit must not find Object.prototype's members).
 *
 * Conversion factors are the knowledge base's (section 3, "Unit conversions"), from molar masses:
 * Ca 40.08, Mg 24.305, K 39.098, glucose 180.16, creatinine 113.12 g/mol.
 */

/** Spelling (lower-cased, spaces removed) → unit key. UCUM codes and common free-text forms. */
const UNIT_SPELLINGS: Readonly<Record<string, string>> = {
  'mg/dl': 'mg/dL',
  'mg/100ml': 'mg/dL',
  'mg%': 'mg/dL',
  'mg/l': 'mg/L',
  'mmol/l': 'mmol/L',
  'mm/l': 'mmol/L',
  'meq/l': 'mEq/L',
  'meql': 'mEq/L',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'μmol/l': 'umol/L',
  'micromol/l': 'umol/L',
  'nmol/l': 'nmol/L',
  'pmol/l': 'pmol/L',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'ng/ml': 'ng/mL',
  'ug/l': 'ng/mL',
  'µg/l': 'ng/mL',
  'mcg/l': 'ng/mL',
  'pg/ml': 'pg/mL',
  'ng/dl': 'ng/dL',
  'ng/l': 'pg/mL',
  '%': '%',
  '%hb': '%',
  '%{hb}': '%',
  '%{total}': '%',
  'mmol/mol': 'mmol/mol',
  'mmol/mol{hb}': 'mmol/mol',
  'miu/l': 'mIU/L',
  'm[iu]/l': 'mIU/L',
  'mu/l': 'mIU/L',
  'uiu/ml': 'mIU/L',
  'u[iu]/ml': 'mIU/L',
  'µiu/ml': 'mIU/L',
  'μiu/ml': 'mIU/L',
  'microiu/ml': 'mIU/L',
  'uu/ml': 'mIU/L',
  'u/l': 'U/L',
  'iu/l': 'U/L',
  '[iu]/l': 'U/L',
  'ukat/l': 'ukat/L',
  'µkat/l': 'ukat/L',
  '10*3/ul': '10*9/L',
  '10^3/ul': '10*9/L',
  'x10e3/ul': '10*9/L',
  'x10^3/ul': '10*9/L',
  'k/ul': '10*9/L',
  'k/mm3': '10*9/L',
  '10*3/mm3': '10*9/L',
  '10*9/l': '10*9/L',
  '10^9/l': '10*9/L',
  'x10e9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  'g/l{platelets}': '10*9/L',
  '/ul': '/uL',
  '/mm3': '/uL',
  'ml/min/{1.73_m2}': 'mL/min/1.73m2',
  'ml/min/1.73m2': 'mL/min/1.73m2',
  'ml/min/1.73_m2': 'mL/min/1.73m2',
  'ml/min/{1.73m2}': 'mL/min/1.73m2',
  'ml/min/1.73sqm': 'mL/min/1.73m2',
  'ml/min/1.73.m2': 'mL/min/1.73m2',
  'ml/min/1.73m^2': 'mL/min/1.73m2',
  'ml/min/1.73m²': 'mL/min/1.73m2',
  'ml/min': 'mL/min',
  'ml/s': 'mL/s',
  'ml/s/1.73m2': 'mL/s/1.73m2',
  'ml/s/{1.73_m2}': 'mL/s/1.73m2',
};

const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** Spellings already seen: a record repeats the same few units thousands of times. */
const seenSpellings = new Map<string, string | undefined>();

/** Normalise a unit spelling to its key, or undefined when it is not one the engine knows. */
export function normaliseUnit(unit: string | undefined): string | undefined {
  if (typeof unit !== 'string') return undefined;
  if (seenSpellings.has(unit)) return seenSpellings.get(unit);
  const key = unit.trim().replace(/\s+/g, '').toLowerCase();
  const result = key && own(UNIT_SPELLINGS, key) ? UNIT_SPELLINGS[key] : undefined;
  if (seenSpellings.size < 1000) seenSpellings.set(unit, result);
  return result;
}

/**
 * Per analyte: its canonical unit and the factor that takes each accepted unit to it
 * (canonical = value × factor). An accepted unit missing here is refused for that analyte.
 * HbA1c mmol/mol is not a factor (it has an offset) and is handled by `toCanonical`.
 */
export interface AnalyteUnits {
  readonly canonical: string;
  readonly factors: Readonly<Record<string, number>>;
}

const ONE = 1;

export const ANALYTE_UNITS: Readonly<Record<string, AnalyteUnits>> = {
  magnesium: { canonical: 'mg/dL', factors: { 'mg/dL': ONE, 'mmol/L': 2.431, 'mEq/L': 2.431 / 2, 'mg/L': 0.1 } },
  'calcium-total': { canonical: 'mg/dL', factors: { 'mg/dL': ONE, 'mmol/L': 4.008, 'mEq/L': 4.008 / 2, 'mg/L': 0.1 } },
  'calcium-corrected': { canonical: 'mg/dL', factors: { 'mg/dL': ONE, 'mmol/L': 4.008, 'mEq/L': 4.008 / 2 } },
  'calcium-ionised': { canonical: 'mmol/L', factors: { 'mmol/L': ONE, 'mg/dL': 0.2495, 'mEq/L': 0.5 } },
  albumin: { canonical: 'g/dL', factors: { 'g/dL': ONE, 'g/L': 0.1 } },
  potassium: { canonical: 'mmol/L', factors: { 'mmol/L': ONE, 'mEq/L': ONE, 'mg/dL': 10 / 39.098 } },
  sodium: { canonical: 'mmol/L', factors: { 'mmol/L': ONE, 'mEq/L': ONE } },
  glucose: { canonical: 'mg/dL', factors: { 'mg/dL': ONE, 'mmol/L': 18.016 } },
  'glucose-fasting': { canonical: 'mg/dL', factors: { 'mg/dL': ONE, 'mmol/L': 18.016 } },
  hba1c: { canonical: '%', factors: { '%': ONE } },
  tsh: { canonical: 'mIU/L', factors: { 'mIU/L': ONE } },
  't4-free': { canonical: 'ng/dL', factors: { 'ng/dL': ONE, 'pmol/L': 1 / 12.87 } },
  pth: { canonical: 'pg/mL', factors: { 'pg/mL': ONE, 'pmol/L': 9.43 } },
  'vitamin-d': { canonical: 'ng/mL', factors: { 'ng/mL': ONE, 'nmol/L': 1 / 2.496 } },
  // Only rates per 1.73 m² are eGFRs: `mL/min` is a clearance (NOT_PER_BODY_SURFACE below).
  egfr: { canonical: 'mL/min/1.73m2', factors: { 'mL/min/1.73m2': ONE, 'mL/s/1.73m2': 60 } },
  creatinine: { canonical: 'mg/dL', factors: { 'mg/dL': ONE, 'umol/L': 1 / 88.4 } },
  ck: { canonical: 'U/L', factors: { 'U/L': ONE, 'ukat/L': 60 } },
  platelets: { canonical: '10*9/L', factors: { '10*9/L': ONE, '/uL': 1 / 1000 } },
};

function unitsOf(analyte: string): AnalyteUnits | undefined {
  return own(ANALYTE_UNITS, analyte) ? ANALYTE_UNITS[analyte] : undefined;
}

function factorOf(analyte: string, unitKey: string): number | undefined {
  const table = unitsOf(analyte);
  return table && own(table.factors, unitKey) ? table.factors[unitKey] : undefined;
}

/** Is a unit key one this analyte's results may be in? */
function acceptedFor(analyte: string, key: string): boolean {
  return (analyte === 'hba1c' && key === 'mmol/mol') || factorOf(analyte, key) !== undefined;
}

export function normaliseUnitFor(analyte: string, unit: string | undefined): string | undefined {
  const key = normaliseUnit(unit);
  return key && acceptedFor(analyte, key) ? key : undefined;
}

/** Volume rates that are not per body surface: a creatinine clearance, not an eGFR (catalogue, second round). */
const NOT_PER_BODY_SURFACE = new Set(['mL/min', 'mL/s']);

/** Why a Quantity's unit cannot be used for an analyte (the names are LabResult's unusable reasons). */
export type UnitProblem = 'missing-unit' | 'unknown-unit' | 'unit-conflict' | 'not-per-body-surface';

export type UnitReading = { readonly key: string } | { readonly problem: UnitProblem };

/**
 * A Quantity's unit for an analyte, from its UCUM `code` and its `unit` text. When both name known
 * units they must be the same unit after normalising spelling and case (`mEq/L` and `meq/L`,
 * `mIU/L` and `m[IU]/L` agree; `mg/dL` and `mmol/L` do not). When only one of them is a known unit,
 * that one is read. An eGFR must be per 1.73 m².
 */
export function readUnit(analyte: string, code: string | undefined, text: string | undefined): UnitReading {
  if (!code && !text) return { problem: 'missing-unit' };
  const fromCode = normaliseUnit(code);
  const fromText = normaliseUnit(text);
  if (fromCode && fromText && fromCode !== fromText) return { problem: 'unit-conflict' };
  const known = fromCode ?? fromText;
  if (!known) return { problem: 'unknown-unit' };
  if (analyte === 'egfr' && NOT_PER_BODY_SURFACE.has(known)) return { problem: 'not-per-body-surface' };
  return acceptedFor(analyte, known) ? { key: known } : { problem: 'unknown-unit' };
}

/** Convert a value in an accepted unit to the analyte's canonical unit. */
export function toCanonical(analyte: string, value: number, unitKey: string): number | undefined {
  if (analyte === 'hba1c' && unitKey === 'mmol/mol') return value / 10.929 + 2.15; // IFCC → NGSP ⚠️ (KB section 3)
  const factor = factorOf(analyte, unitKey);
  return factor === undefined ? undefined : value * factor;
}

/** Convert from the canonical unit to another accepted unit (for display). */
export function fromCanonical(analyte: string, value: number, unitKey: string): number | undefined {
  if (analyte === 'hba1c' && unitKey === 'mmol/mol') return (value - 2.15) * 10.929;
  const factor = factorOf(analyte, unitKey);
  return factor === undefined ? undefined : value / factor;
}

/**
 * Round for display to two decimals without trailing zeros: 1.5071 → "1.51", 250 → "250",
 * 124.96 → "124.96". Never fewer decimals, so a value just past a limit (sodium 124.96 below 125)
 * never reads as the limit itself.
 */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}
