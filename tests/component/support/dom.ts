/**
 * Helpers for testing Lit elements in real Chromium: mount into a <main> landmark, wait for every
 * nested element to render, read what is on screen through shadow roots, and run axe-core.
 */
import axe from 'axe-core';
import type { LitElement } from 'lit';
import { afterEach, expect } from 'vitest';
import { page } from 'vitest/browser';

afterEach(() => {
  document.body.replaceChildren();
});

const isLit = (el: Element): el is LitElement => 'updateComplete' in el;

/** Wait until this element and every Lit element inside it (through shadow roots) has rendered. */
export async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const pending = [root, ...deepQueryAll(root, '*')].filter(isLit).map((el) => el.updateComplete);
    const results = await Promise.all(pending);
    // updateComplete resolves false when another update was queued meanwhile: go round again.
    if (results.every(Boolean)) return;
  }
}

/** Mount inside a <main> landmark, as the element will sit in the page; `page` for one that is the page. */
export async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, as: 'part' | 'page' = 'part'): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  Object.assign(el, props);
  if (as === 'page') {
    document.body.append(el);
  } else {
    const main = document.createElement('main');
    main.append(el);
    document.body.append(main);
  }
  await settle(el);
  return el;
}

/** querySelectorAll that descends into open shadow roots, in document order. */
export function deepQueryAll<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E[] {
  const out: E[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const child of Array.from(node.children)) {
      if (child.matches(selector)) out.push(child as E);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

export function deepQuery<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E {
  const found = deepQueryAll<E>(root, selector)[0];
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The element that has focus, through shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * The text a sighted user sees: the flat tree, skipping what is not rendered (display: none,
 * visually hidden text, the closed part of a <details>), whitespace collapsed.
 */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.classList.contains('sr-only')) return;
    if (node.parentElement instanceof HTMLDetailsElement && !node.parentElement.open && node.tagName !== 'SUMMARY') return;
    // Block-level boxes separate words; inline ones (bdi, span, strong) do not.
    const gap = style.display.startsWith('inline') ? '' : ' ';
    parts.push(gap);
    for (const child of Array.from((node.shadowRoot ?? node).childNodes)) walk(child);
    parts.push(gap);
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * axe-core on the rendered element (shadow DOM included); every rule that applies, best practices
 * too. Given the document, the page-level rules run as well (one main landmark, an h1, regions).
 */
export async function expectNoAxeViolations(root: Element | Document): Promise<void> {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(summary).toEqual([]);
}

/** Run a check at an EHR side-panel width and at a desktop width. */
export async function atWidths(check: (width: number) => Promise<void>, widths: readonly number[] = [360, 1280]): Promise<void> {
  for (const width of widths) {
    await page.viewport(width, 900);
    await check(width);
  }
}
