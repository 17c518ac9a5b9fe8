/** `2026-10` → "October 2026". UTC, so the label never shifts a month with the time zone. */
const FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthLabel(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) return month;
  return FORMAT.format(new Date(Date.UTC(y, m - 1, 1)));
}
