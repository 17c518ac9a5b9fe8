/**
 * Search latency of the sandbox FHIR server with every Synthea patient loaded.
 *
 *   npx tsx bench/sandbox-search.bench.ts [--rounds 5] [--data ../shared/data/synthea-r4]
 *
 * Loads the corpus, starts the server on a loopback port, then for every patient sends the searches the
 * app's data layer sends (issue 4), over HTTP, one request at a time, following `next` links to the end,
 * for several rounds. Prints the load time and, per search kind, the median and 95th percentile in ms,
 * then the overall median. Budget: every kind's median under 50 ms.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundle } from 'fhir/r4';
import { createFhirServer } from '../sandbox/fhir/server';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    data: { type: 'string', default: resolve(import.meta.dirname, '../../shared/data/synthea-r4') },
  },
});
const rounds = Number(args.rounds);
const BUDGET_MS = 50;

const LOINC = 'http://loinc.org';
// The lab codes the rules ask for (knowledge base, appendix 10.1), plus Synthea's blood-specimen variants.
const LAB_CODES = [
  '17861-6', '2000-8', '29265-6', '1995-0', '1994-3', '17864-0', '1751-7', '19123-9', '2601-3', '2823-3',
  '6298-4', '22760-3', '2951-2', '2345-7', '14749-6', '15074-8', '2339-0', '1558-6', '14771-0', '4548-4',
  '2160-0', '14682-9', '98979-8', '62238-1', '33914-3', '3094-0', '3016-3', '11580-8', '14920-3', '2731-8',
  '62292-8', '1989-3', '14635-7', '2157-6', '14879-1', '2777-1', '777-3', '2276-4', '2132-9', '14685-2',
  '1742-6', '1920-8', '14631-6', '6301-6', '82810-3', '11778-8', '11884-4', '11885-1', '53691-2', '2106-3',
  '49765-1', '38483-4',
].map((code) => `${LOINC}|${code}`).join(',');
const SNOMED = 'http://snomed.info/sct';
const PROCEDURE_CODES = ['302497006', '265764009', '108241001', '68341005'].map((c) => `${SNOMED}|${c}`).join(',');
const INTENTS = 'proposal,plan,order,original-order,reflex-order,filler-order,instance-order,option';
const STATUSES = 'active,on-hold,stopped,completed,cancelled,entered-in-error,draft,unknown';

/**
 * The app's searches for one patient, by kind: the list in issue 4 and what src/fhir/live/query-plan.ts
 * sends (panels of LOINC codes with a date floor, _sort=-date, _count=100, _include on every medication
 * resource). Dates: Synthea ends in early 2021.
 */
function appSearches(id: string): [kind: string, path: string][] {
  return [
    ['Patient read', `Patient/${id}`],
    ['Observation code list', `Observation?patient=${id}&code=${LAB_CODES}`],
    ['Observation code list+date _sort=-date', `Observation?patient=${id}&code=${LAB_CODES}&date=ge2015-01-01&_sort=-date&_count=100`],
    ['Observation category+date', `Observation?patient=${id}&category=laboratory&date=ge2020-01-01`],
    ['Observation system|category+date', `Observation?patient=${id}&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory&date=ge2019-06-01&_sort=-date`],
    ['MedicationRequest +_include', `MedicationRequest?patient=${id}&intent=${INTENTS}&status=${STATUSES}&_include=MedicationRequest:medication&_count=100`],
    ['MedicationStatement +_include', `MedicationStatement?patient=${id}&status=active,intended,on-hold,completed&_include=MedicationStatement:medication`],
    ['MedicationDispense', `MedicationDispense?patient=${id}&whenhandedover=ge2020-01-01&_include=MedicationDispense:medication`],
    ['MedicationAdministration', `MedicationAdministration?patient=${id}&effective-time=ge2020-01-01&_include=MedicationAdministration:medication`],
    ['Condition', `Condition?patient=${id}&_count=100`],
    ['Condition problem-list active', `Condition?patient=${id}&category=problem-list-item&clinical-status=active,recurrence,relapse`],
    ['Procedure code list', `Procedure?patient=${id}&code=${PROCEDURE_CODES}&_sort=-date`],
  ];
}

const server = createServer();
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address() as AddressInfo;
const fhir = createFhirServer({ baseUrl: `http://127.0.0.1:${port}/fhir` });
server.on('request', (req, res) => {
  void fhir.handle(req, res).then((handled) => handled || res.writeHead(404).end());
});

const cpuBefore = process.cpuUsage();
const report = await fhir.load(args.data);
const cpu = process.cpuUsage(cpuBefore);
const patients = fhir.patients();
console.log(
  `Loaded ${report.resources} resources from ${report.files} files (${patients.length} patients) in ${report.milliseconds} ms ` +
    `(${Math.round((cpu.user + cpu.system) / 1000)} ms CPU), ${report.warnings.length} warnings`,
);

const timings = new Map<string, number[]>();
const record = (kind: string, ms: number): void => {
  timings.set(kind, [...(timings.get(kind) ?? []), ms]);
};

for (let round = 0; round < rounds; round++) {
  for (const patient of patients) {
    for (const [kind, path] of appSearches(patient.id)) {
      let url: string | undefined = `${fhir.baseUrl}/${path}`;
      let page = 0;
      while (url) {
        const started = performance.now();
        const response = await fetch(url);
        const body = (await response.json()) as Bundle;
        record(page === 0 ? kind : `${kind} (next pages)`, performance.now() - started);
        if (!response.ok) throw new Error(`${response.status} for ${url}`);
        url = body.link?.find((l) => l.relation === 'next')?.url;
        page++;
      }
    }
  }
}
server.close();

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
console.log(`\n${rounds} rounds x ${patients.length} patients, one request at a time over loopback HTTP (ms)`);
console.log(`${'search'.padEnd(54)}${'n'.padStart(7)}${'median'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}`);
let worstMedian = 0;
for (const [kind, values] of timings) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  worstMedian = Math.max(worstMedian, median);
  console.log(
    `${kind.padEnd(54)}${String(sorted.length).padStart(7)}${median.toFixed(2).padStart(9)}${quantile(sorted, 0.95).toFixed(2).padStart(9)}${(sorted.at(-1) ?? NaN).toFixed(2).padStart(9)}`,
  );
}
const all = [...timings.values()].flat().sort((a, b) => a - b);
console.log(`${'all requests'.padEnd(54)}${String(all.length).padStart(7)}${quantile(all, 0.5).toFixed(2).padStart(9)}${quantile(all, 0.95).toFixed(2).padStart(9)}${(all.at(-1) ?? NaN).toFixed(2).padStart(9)}`);
console.log(`\nBudget: every search kind's median < ${BUDGET_MS} ms: ${worstMedian < BUDGET_MS ? 'met' : 'NOT met'} (worst median ${worstMedian.toFixed(2)} ms)`);
