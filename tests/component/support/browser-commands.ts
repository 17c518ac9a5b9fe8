/**
 * Commands the component tests run on the Playwright side (Node). Vitest's browser API has no
 * print emulation, and it scales the test iframe down to fit the page, which shrinks screenshots.
 */
import type { BrowserCommand } from 'vitest/node';

type Media = 'print' | 'screen';

export const emulateMedia: BrowserCommand<[media: Media]> = async (ctx, media) => {
  await ctx.page.emulateMedia({ media });
};

/** Size the outer page so a test iframe of this size is shown at 1:1 (for readable screenshots). */
export const setOuterViewport: BrowserCommand<[width: number, height: number]> = async (ctx, width, height) => {
  await ctx.page.setViewportSize({ width, height });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: Media) => Promise<void>;
    setOuterViewport: (width: number, height: number) => Promise<void>;
  }
}
