import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { emulateMedia, setOuterViewport } from './tests/component/support/browser-commands.js';
import { printPdfPages } from './tests/component/support/print-pdf.js';

// Test projects:
// - unit: Node; rules, mappers, the command-line evaluator, the sweep over ../shared/data/synthea-r4.
// - sandbox: Node; the local FHIR server and SMART authorization server, in process.
// - browser: the Lit components in real Chromium (Debian's /usr/bin/chromium; browser downloads are
//   impossible here), with axe-core and print-media emulation.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'sandbox',
          environment: 'node',
          include: ['tests/sandbox/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/component/**/*.test.ts'],
          testTimeout: 30_000,
          // Failure screenshots and attachments go to the git-ignored test-results/, not the tree.
          attachmentsDir: 'test-results/attachments',
          browser: {
            enabled: true,
            provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium' } }),
            instances: [{ browser: 'chromium' }],
            headless: true,
            commands: { emulateMedia, setOuterViewport, printPdfPages },
            screenshotDirectory: 'test-results/screenshots',
          },
        },
      },
    ],
  },
});
