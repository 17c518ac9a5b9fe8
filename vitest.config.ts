import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { emulateMedia, setOuterViewport } from './tests/component/support/browser-commands.js';
import { printPdfPages, printPdfPageTexts, writeTestResult } from './tests/component/support/print-pdf.js';

// Test projects:
// - unit: Node; rules, mappers, the command-line evaluator, the sweep over ../shared/data/synthea-r4.
// - sandbox: Node; the local FHIR server and SMART authorization server, in process.
// - cds-hooks: Node; the CDS Hooks service (cds-hooks/), its card decisions, contract and JWT trust,
//   and the sandbox as its CDS client, in process.
// - e2e: Node drives Debian's Chromium through the real SMART launch from the sandbox EHR page into
//   the production build served with its CSP (tests/e2e/support/stack.ts).
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
          name: 'cds-hooks',
          environment: 'node',
          include: ['tests/cds-hooks/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/build-app.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
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
            commands: { emulateMedia, setOuterViewport, printPdfPages, printPdfPageTexts, writeTestResult },
            screenshotDirectory: 'test-results/screenshots',
          },
        },
      },
    ],
  },
});
