import { defineConfig } from 'vitest/config';

// Test projects:
// - unit: Node; rules, mappers, the command-line evaluator, the sweep over ../shared/data/synthea-r4.
// - sandbox: Node; the local FHIR server and SMART authorization server, in process.
// Browser (component, end-to-end) projects are added beside these as the app grows.
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
    ],
  },
});
