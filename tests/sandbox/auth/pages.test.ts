// The server-rendered pages: patient data is shown as text (escaped), no script runs, and a strict
// Content-Security-Policy header backs that up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeParams, makePkce, startSandbox, type TestSandbox } from './support';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

async function ehrPage(): Promise<{ response: Response; html: string }> {
  const response = await fetch(sandbox.auth.ehrUrl ?? '');
  return { response, html: await response.text() };
}

async function pickerPage(): Promise<{ response: Response; html: string }> {
  const response = await authorize(sandbox, authorizeParams(sandbox, makePkce(), { scope: 'launch/patient patient/*.rs' }));
  return { response, html: await response.text() };
}

describe.each([
  ['EHR page', ehrPage],
  ['patient picker', pickerPage],
])('%s', (_name, load) => {
  it('shows hostile patient strings as text', async () => {
    const { html } = await load();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Sons');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; description');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    // No inline event handler attribute in any real tag (escaped text holds no "<", so it is not matched).
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(10);
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
  });

  it('is sent with a strict CSP and no-store', async () => {
    const { response } = await load();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/form-action 'self' http:\/\/app\.test:5173/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('keeps patient names out of the page title', async () => {
    const { html } = await load();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    expect(title).not.toMatch(/Amara|George|Brien/);
  });
});

describe('EHR page', () => {
  it('lists every patient with gender, birth date and description, and a launch button each', async () => {
    const { html } = await ehrPage();
    expect(html).toContain('Amara Okafor');
    expect(html).toContain('female, born 1993-02-14');
    expect(html).toContain('woman, 32 weeks pregnant, low magnesium');
    expect(html.match(/<button type="submit"[^>]*>Launch app<\/button>/g)).toHaveLength(3);
  });

  it('refuses a launch posted from another site', async () => {
    const response = await fetch(`${sandbox.origin}/ehr/launch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.test' },
      body: new URLSearchParams({ patient: 'preg-32w' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
  });

  it('is absent when no EHR is configured', async () => {
    const noEhr = await startSandbox({ ehr: undefined });
    try {
      expect(noEhr.auth.ehrUrl).toBeUndefined();
      expect((await fetch(`${noEhr.origin}/ehr`)).status).toBe(404);
      expect(noEhr.auth.createLaunch({ patientId: 'preg-32w' }).launchUrl).toBeUndefined();
    } finally {
      await noEhr.close();
    }
  });
});

describe('error page', () => {
  it('escapes what the request put into the error', async () => {
    const response = await authorize(sandbox, authorizeParams(sandbox, makePkce(), { client_id: undefined }));
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('client_id is required');
  });
});
