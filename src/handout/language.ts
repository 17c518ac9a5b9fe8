/**
 * Handout languages. Every text exists in each of them (checked by a test). The default is the
 * patient's preferred language from Patient.communication (BCP-47, e.g. `es`, `es-MX`, `es-419`)
 * when the handout has it, else English; the clinician can choose another in the preview.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every handout language. */
export type Localised = Readonly<Record<Language, string>>;

/** Each language named in itself, for the clinician's language choice. */
export const LANGUAGE_NAMES: Localised = { en: 'English', es: 'Español' };

/** BCP-47 tag used for `lang` attributes and date formatting. */
export const LANGUAGE_TAGS: Localised = { en: 'en-US', es: 'es' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `es-MX` → `es`; an unsupported or missing tag → English. */
export function defaultLanguage(preferred: string | undefined): Language {
  const primary = preferred?.trim().toLowerCase().split(/[-_]/, 1)[0];
  return isLanguage(primary) ? primary : 'en';
}

/** A calendar day (`YYYY-MM-DD`) in words, in the handout's language; never shifted by time zone. */
export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
