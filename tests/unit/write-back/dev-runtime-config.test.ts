/**
 * `npm start` serves the shipped runtime configuration with write-back turned on
 * (tools/dev-runtime-config.ts), while the shipped file itself keeps it off.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../../../src/config/runtime-config.js';
import { devRuntimeConfigText, SHIPPED_CONFIG } from '../../../tools/dev-runtime-config.js';

describe('the development runtime configuration', () => {
  it('is the shipped file with writeBack on; the shipped file has it off', async () => {
    const shipped = JSON.parse(readFileSync(SHIPPED_CONFIG, 'utf8')) as Record<string, unknown>;
    expect(shipped.writeBack).toBe(false);
    expect(parseRuntimeConfig(shipped).scope).not.toContain('DocumentReference');
    const dev = JSON.parse(await devRuntimeConfigText({ writeBack: true })) as Record<string, unknown>;
    expect(dev).toEqual({ ...shipped, writeBack: true });
    expect(parseRuntimeConfig(dev).scope).toContain('patient/DocumentReference.cu patient/QuestionnaireResponse.cu');
  });

  it('refuses changes the app would refuse', async () => {
    await expect(devRuntimeConfigText({ writeBack: 'yes' })).rejects.toThrow(ConfigError);
  });
});
