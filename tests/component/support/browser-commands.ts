/**
 * Commands the component tests run on the Playwright side (Node), where the page can be told to
 * emulate print media. Vitest's browser API has no print emulation of its own.
 */
import type { BrowserCommand } from 'vitest/node';

type Media = 'print' | 'screen';

export const emulateMedia: BrowserCommand<[media: Media]> = async (ctx, media) => {
  await ctx.page.emulateMedia({ media });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: Media) => Promise<void>;
  }
}
