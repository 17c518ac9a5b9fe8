/**
 * The EHR's SMART discovery document and style, read after the launch. Both are optional
 * conveniences: a failure leaves the defaults (show the banner, the app's own colours).
 * The style document is hostile input like any other: only well-formed colours are kept, so
 * nothing from it can become CSS beyond a colour value.
 */
import type { Session } from './session.js';
import { capabilitySupport } from './session.js';

export interface EhrStyle {
  readonly colorHighlight?: string;
  readonly colorBackground?: string;
  readonly colorText?: string;
  readonly colorBorder?: string;
  readonly colorError?: string;
  readonly colorSuccess?: string;
}

const COLOUR = /^(#[0-9a-f]{3,8}|rgba?\(\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*(,\s*(0|1|0?\.\d+))?\s*\)|[a-z]{3,20})$/i;

export function parseStyle(json: unknown): EhrStyle {
  if (typeof json !== 'object' || json === null) return {};
  const o = json as Record<string, unknown>;
  const colour = (v: unknown) => (typeof v === 'string' && COLOUR.test(v.trim()) ? v.trim() : undefined);
  const style: Record<string, string> = {};
  const pairs: [keyof EhrStyle, string][] = [
    ['colorHighlight', 'color_highlight'], ['colorBackground', 'color_background'], ['colorText', 'color_text'],
    ['colorBorder', 'color_border'], ['colorError', 'color_error'], ['colorSuccess', 'color_success'],
  ];
  for (const [key, field] of pairs) {
    const c = colour(o[field]);
    if (c) style[key] = c;
  }
  return style;
}

async function getJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  const r = await fetchImpl(url, { headers: { Accept: 'application/json' }, credentials: 'omit', redirect: 'error' });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json();
}

/** Whether the EHR shows its own patient banner (so ours can be hidden), and its colours. */
export async function ehrPresentation(session: Session, fetchImpl: typeof fetch = fetch): Promise<{ showBanner: boolean; style: EhrStyle }> {
  let capabilities: string[] = [];
  try {
    const conf = (await getJson(`${session.serverUrl}/.well-known/smart-configuration`, fetchImpl)) as { capabilities?: unknown };
    if (Array.isArray(conf.capabilities)) capabilities = conf.capabilities.filter((c): c is string => typeof c === 'string');
  } catch {
    // No discovery document: keep the defaults.
  }
  const support = capabilitySupport(capabilities);
  // Hide our banner only when the EHR both supports the banner context and says it shows one.
  const showBanner = session.needPatientBanner || !support.banner;
  let style: EhrStyle = {};
  if (session.smartStyleUrl) {
    try {
      style = parseStyle(await getJson(session.smartStyleUrl, fetchImpl));
    } catch {
      style = {};
    }
  }
  return { showBanner, style };
}
