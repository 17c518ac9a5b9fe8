/**
 * Design tokens and the rules every element shares.
 *
 * Colours, radius, spacing and fonts are CSS custom properties so the app can map a SMART
 * `smart_style_url` document onto them (color_background → --lc-color-background, color_text →
 * --lc-color-text, color_highlight → --lc-color-highlight, color_error → --lc-color-error,
 * color_success → --lc-color-success, dim_border_radius → --lc-border-radius, dim_font_size →
 * --lc-font-size, dim_spacing_size → --lc-spacing, font_family_body / font_family_heading →
 * --lc-font-family-body / --lc-font-family-heading). Custom properties inherit through shadow
 * roots, so setting them once on the page is enough. The defaults meet WCAG AA contrast on white.
 *
 * The EHR's highlight colour is used for focus rings, links and borders, never as a background
 * behind text, so a light highlight cannot make text unreadable.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_bg: var(--lc-color-background, #ffffff);
    --_text: var(--lc-color-text, #1b1b1b);
    --_muted: var(--lc-color-muted, #4a4f55);
    --_highlight: var(--lc-color-highlight, #0b57a4);
    --_error: var(--lc-color-error, #a4161a);
    --_success: var(--lc-color-success, #1d6b34);
    --_surface: var(--lc-color-surface, #f3f5f7);
    --_urgent-surface: var(--lc-color-urgent-surface, #fdeeee);
    --_border: var(--lc-color-border, #737a82);
    --_radius: var(--lc-border-radius, 6px);
    --_space: var(--lc-spacing, 1rem);
    --_font: var(--lc-font-family-body, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-heading: var(--lc-font-family-heading, var(--_font));
    font-family: var(--_font);
    font-size: var(--lc-font-size, 1.0625rem);
    line-height: 1.5;
    color: var(--_text);
    /* Long words from data (a 300-character drug name) wrap instead of widening the panel. */
    overflow-wrap: anywhere;
  }
`;

export const base = css`
  * {
    box-sizing: border-box;
  }
  h2, h3, h4, [role='heading'] {
    font-family: var(--_font-heading);
    line-height: 1.25;
    margin: 0;
  }
  p, ul, ol, dl, dd, fieldset {
    margin: 0;
  }
  a {
    color: var(--_highlight);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_highlight);
    outline-offset: 2px;
  }
  /* Data-bearing text is bidi-isolated: an RTL override in a record cannot reorder our words. */
  bdi {
    unicode-bidi: isolate;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_muted);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 0.9rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;

export const shared = [tokens, base];
