/**
 * `npm run cds-hooks`: flags, the printed lines (`CDS Hooks: <base URL>` on a line of its own), and
 * one-line refusals of bad flags.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseCdsHooksArgs, startupLines } from '../../cds-hooks/cli.js';

describe('npm run cds-hooks flags', () => {
  it('reads port, app launch URL, public URL and repeated --trust', () => {
    const o = parseCdsHooksArgs(['--port', '0', '--app-launch-url', 'https://app.example/launch/', '--trust', 'https://ehr.example/=https://ehr.example/jwks.json', '--trust', 'urn:ehr:2=http://127.0.0.1:9000/jwks']);
    expect(o).toMatchObject({ port: 0, appLaunchUrl: 'https://app.example/launch/', trust: [{ issuer: 'https://ehr.example/', jwksUrl: 'https://ehr.example/jwks.json' }, { issuer: 'urn:ehr:2', jwksUrl: 'http://127.0.0.1:9000/jwks' }] });
    expect(parseCdsHooksArgs(['--help'])).toBeUndefined();
    expect(parseCdsHooksArgs(['--as-of', '2021-06-01'])!.today!()).toBe('2021-06-01');
  });

  it.each([
    [['--port', 'x'], /--port takes a whole number/],
    [['--trust', 'no-equals'], /--trust takes ISS=JWKS_URL/],
    [['--trust', 'https://ehr.example=http://ehr.example/jwks.json'], /must be https:\/\//],
    [['--as-of', '2021-02-30'], /--as-of takes a date/],
    [['--token', 'x'], /Unknown option/],
  ])('refuses %j', (argv, reason) => {
    expect(() => parseCdsHooksArgs(argv)).toThrow(reason);
  });

  it('says how callers are trusted', () => {
    expect(startupLines('http://127.0.0.1:8091', {})).toEqual([
      'CDS Hooks: http://127.0.0.1:8091',
      'Discovery: http://127.0.0.1:8091/cds-services',
      'No --trust given: unsigned calls are accepted from this machine only.',
      'No --app-launch-url given: cards carry no link to the app.',
    ]);
  });
});

describe('the command', () => {
  it('prints "CDS Hooks: <base URL>" on a line of its own, and discovery answers there', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cds-hooks/main.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          const m = /^CDS Hooks: (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
          if (m) resolve(m[1]!);
        });
      });
      const discovery = (await (await fetch(`${base}/cds-services`)).json()) as { services: unknown[] };
      expect(discovery.services).toHaveLength(4);
    } finally {
      child.removeAllListeners('exit');
      child.kill();
    }
  });

  it('exits 1 with one line on a bad flag', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cds-hooks/main.ts', '--trust', 'nonsense'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['cds-hooks: --trust takes ISS=JWKS_URL (the JWT\'s iss, then the URL of its JWK Set), got "nonsense"']);
  });
});
