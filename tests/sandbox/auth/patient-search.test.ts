// The EHR page's patient search (issue 10, point 10): a plain GET form matched on the server,
// scenario patients first; the query is shown back as text, never as markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientSummary } from '../../../sandbox/auth/types';
import { MAX_QUERY_LENGTH, searchPatients } from '../../../sandbox/auth/patient-search';
import { startSandbox, type TestSandbox } from './support';

const people: PatientSummary[] = [
  { id: 'syn-2', name: 'Zoe Abbott', gender: 'female', birthDate: '1950-01-01' },
  { id: 'preg-32w', name: 'Amara Okafor', gender: 'female', birthDate: '1993-02-14', description: 'woman, 32 weeks pregnant, low magnesium' },
  { id: 'syn-1', name: 'Ángel Núñez', gender: 'male', birthDate: '1940-05-05' },
  { id: 'statin-70', name: 'George Hill', gender: 'male', birthDate: '1954-09-30', description: 'man, 70, on simvastatin' },
];

describe('searchPatients', () => {
  it('lists scenario patients (with a description) first in their order, then the rest by name', () => {
    expect(searchPatients(people, '').map((p) => p.id)).toEqual(['preg-32w', 'statin-70', 'syn-1', 'syn-2']);
  });

  it('matches every word of the query in name, id, description, gender or birth date, ignoring case and accents', () => {
    expect(searchPatients(people, 'PREGNANT magnesium').map((p) => p.id)).toEqual(['preg-32w']);
    expect(searchPatients(people, 'angel nunez').map((p) => p.id)).toEqual(['syn-1']);
    expect(searchPatients(people, 'statin-70').map((p) => p.id)).toEqual(['statin-70']);
    expect(searchPatients(people, '1950').map((p) => p.id)).toEqual(['syn-2']);
    expect(searchPatients(people, 'nobody here')).toEqual([]);
  });
});

describe('the EHR page with a search', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const page = async (q?: string) => {
    const url = new URL(sandbox.auth.ehrUrl ?? '');
    if (q !== undefined) url.searchParams.set('q', q);
    const response = await fetch(url);
    return { status: response.status, html: await response.text() };
  };

  it('has a labelled search box and narrows the list to the matches, with a way back to all', async () => {
    const all = await page();
    expect(all.html).toContain('<label for="patient-search">Search patients</label>');
    expect(all.html).toContain('3 patients; the scenario patients (with a description) come first.');
    const found = await page('simvastatin');
    expect(found.status).toBe(200);
    expect(found.html).toContain('1 of 3 patients match.');
    expect(found.html).toContain('George Hill');
    expect(found.html).not.toContain('Amara Okafor');
    expect(found.html).toContain('Show all</a>');
  });

  it('shows a hostile query back as text, bounded, never as markup', async () => {
    const { html } = await page(`"><script>alert(1)</script>${'x'.repeat(500)}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const value = /id="patient-search"[^>]*value="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(value.replace(/&[a-z#0-9]+;/g, '_').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});
