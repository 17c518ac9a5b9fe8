// The sandbox EHR's CDS client pages and actions, under the EHR page's path:
//   GET  <ehr>/chart?patient=ID        the chart: calls patient-view, lists draft orders
//   POST <ehr>/chart/draft             drafts an order, calls order-select
//   POST <ehr>/chart/sign              calls order-sign; signs the drafts when no card is returned
//   POST <ehr>/chart/suggestion        applies an accepted suggestion, sends feedback (accepted)
//   POST <ehr>/chart/override          dismisses a card with a reason, sends feedback (overridden)
//   POST <ehr>/chart/launch            follows a card's smart link: launches the app for the patient
//   GET  <ehr>/cds/jwks.json           the public key the CDS service verifies this client's JWTs with
// Every POST passes the same guard as the EHR page's launch form (form-origin.ts) before its body is
// read, and bodies are capped (readForm). What a suggestion does comes from the card kept on the
// server, and the writes go through the FHIR API with a token for this patient only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calendarDayOf } from '../../rules/engine/time';
import type { AuthServer } from '../auth';
import { sendErrorPage } from '../auth/error-page';
import { refuseForeignFormPost } from '../auth/form-origin';
import { page, sendPage, type SafeHtml } from '../auth/html';
import { param, readForm, redirect } from '../auth/http';
import { OAuthError } from '../auth/oauth-error';
import type { PatientSummary } from '../auth/types';
import { closeAfterResponse } from '../http/request-body';
import { answersView, cardView, isRegisteredAppLaunch } from './card-view';
import { chartBody, type ChartView } from './chart-page';
import { DRAFTABLE_PRODUCTS, EhrOrders, type DraftableProduct } from './ehr-orders';
import type { HookCaller, ServiceAnswer } from './hook-caller';
import { ShownCards } from './shown-cards';

export interface ChartRoutesOptions {
  readonly ehrPath: string;
  readonly fhirBase: string;
  readonly auth: AuthServer;
  readonly appLaunchUrl: string;
  readonly appClientId: string;
  readonly publicOrigin?: string;
  readonly patients: () => readonly PatientSummary[];
  readonly caller: () => HookCaller | undefined;
  readonly jwks: () => unknown;
}

const NOTICES: Readonly<Record<string, string>> = {
  signed: 'The draft orders were signed.',
  applied: 'The suggestion was applied.',
  dismissed: 'The card was dismissed; the service was told why.',
  refused: 'The suggestion could not be applied (it did not name a draft order of this patient, or the FHIR server refused it).',
};

export class ChartRoutes {
  readonly #shown = new ShownCards();
  readonly #orders: EhrOrders;
  readonly paths;

  constructor(private readonly o: ChartRoutesOptions) {
    const base = `${o.ehrPath.replace(/\/+$/, '')}`;
    this.paths = {
      list: base,
      chart: `${base}/chart`,
      draft: `${base}/chart/draft`,
      sign: `${base}/chart/sign`,
      suggestion: `${base}/chart/suggestion`,
      override: `${base}/chart/override`,
      launch: `${base}/chart/launch`,
      jwks: `${base}/cds/jwks.json`,
    } as const;
    this.#orders = new EhrOrders(o.fhirBase, o.auth);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = req.method ?? 'GET';
    const p = this.paths;
    const posts: Record<string, (form: URLSearchParams, res: ServerResponse) => Promise<void>> = {
      [p.draft]: (f, r) => this.draft(f, r),
      [p.sign]: (f, r) => this.sign(f, r),
      [p.suggestion]: (f, r) => this.suggestion(f, r),
      [p.override]: (f, r) => this.override(f, r),
      [p.launch]: (f, r) => this.launch(f, r),
    };
    if (url.pathname === p.jwks && (method === 'GET' || method === 'HEAD')) {
      const text = JSON.stringify(this.o.jwks());
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }).end(text);
      return true;
    }
    if (url.pathname === p.chart && (method === 'GET' || method === 'HEAD')) {
      await this.chart(url.searchParams.get('patient') ?? '', res, NOTICES[url.searchParams.get('notice') ?? '']);
      return true;
    }
    const post = posts[url.pathname];
    if (!post) return false;
    if (method !== 'POST') {
      res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' }).end('POST only\n');
      return true;
    }
    const refusal = refuseForeignFormPost(req, this.o.publicOrigin);
    if (refusal) {
      closeAfterResponse(req, res);
      sendErrorPage(res, 403, 'invalid_request', `chart actions must come from the sandbox EHR page: ${refusal}`);
      return true;
    }
    let form: URLSearchParams;
    try {
      form = await readForm(req);
    } catch (err) {
      const status = (err as { status?: number }).status === 413 ? 413 : 400;
      if (status === 413) closeAfterResponse(req, res);
      sendErrorPage(res, status, 'invalid_request', err instanceof OAuthError ? err.description : 'the form could not be read');
      return true;
    }
    await post(form, res);
    return true;
  }

  private patient(id: string): PatientSummary | undefined {
    return this.o.patients().find((p) => p.id === id);
  }

  private chartUrl(patientId: string, notice?: keyof typeof NOTICES): string {
    return `${this.paths.chart}?patient=${encodeURIComponent(patientId)}${notice ? `&notice=${notice}` : ''}`;
  }

  private renderAnswers(patientId: string, answers: readonly ServiceAnswer[]): SafeHtml {
    return answersView(answers, (serviceId, card) => cardView(card, this.#shown.add({ patientId, serviceId, card }), this.paths, this.o.appLaunchUrl));
  }

  private async drafts(patientId: string): Promise<Record<string, unknown>[]> {
    return this.#orders.drafts(patientId);
  }

  private async view(patient: PatientSummary, parts: { notice?: string; orderCards?: ChartView['orderCards'] }): Promise<ChartView> {
    const caller = this.o.caller();
    const [drafts, patientAnswers] = await Promise.all([this.drafts(patient.id), caller?.call('patient-view', { userId: 'Practitioner/sandbox-clinician', patientId: patient.id })]);
    return {
      patient,
      drafts: drafts.map((d) => ({ id: String(d.id), name: draftName(d) })),
      ...(patientAnswers ? { patientCards: this.renderAnswers(patient.id, patientAnswers) } : {}),
      ...parts,
      paths: this.paths,
    };
  }

  private send(res: ServerResponse, view: ChartView): void {
    sendPage(res, 200, page('Sandbox EHR chart', chartBody(view)), [new URL(this.o.appLaunchUrl).origin]);
  }

  private async chart(patientId: string, res: ServerResponse, notice: string | undefined): Promise<void> {
    const patient = this.patient(patientId);
    if (!patient) return sendErrorPage(res, 404, 'not_found', 'that patient is not in this EHR');
    this.send(res, await this.view(patient, notice ? { notice } : {}));
  }

  private async orderHook(hook: 'order-select' | 'order-sign', patient: PatientSummary, drafts: readonly Record<string, unknown>[], selections?: readonly string[]): Promise<readonly ServiceAnswer[] | undefined> {
    const caller = this.o.caller();
    if (!caller) return undefined;
    const draftOrders = { resourceType: 'Bundle', type: 'collection', entry: drafts.map((resource) => ({ fullUrl: `${this.o.fhirBase}/MedicationRequest/${String(resource.id)}`, resource })) };
    return caller.call(hook, { userId: 'Practitioner/sandbox-clinician', patientId: patient.id, draftOrders, ...(selections ? { selections } : {}) });
  }

  private async draft(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const patient = this.patient(param(form, 'patient') ?? '');
    const product = param(form, 'product') ?? '';
    if (!patient || !Object.hasOwn(DRAFTABLE_PRODUCTS, product)) return sendErrorPage(res, 400, 'invalid_request', 'unknown patient or product');
    const created = await this.#orders.createDraft(patient.id, product as DraftableProduct, calendarDayOf(new Date()));
    if (created.status !== 201 || typeof created.body?.id !== 'string') return sendErrorPage(res, 502, 'server_error', `the FHIR server did not create the draft (${created.status})`);
    const drafts = await this.drafts(patient.id);
    const answers = await this.orderHook('order-select', patient, drafts, [`MedicationRequest/${created.body.id}`]);
    this.send(res, await this.view(patient, { notice: `Drafted: ${DRAFTABLE_PRODUCTS[product as DraftableProduct].label}.`, ...(answers ? { orderCards: { hook: 'order-select', cards: this.renderAnswers(patient.id, answers) } } : {}) }));
  }

  private async sign(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const patient = this.patient(param(form, 'patient') ?? '');
    if (!patient) return sendErrorPage(res, 400, 'invalid_request', 'unknown patient');
    const drafts = await this.drafts(patient.id);
    const answers = (await this.orderHook('order-sign', patient, drafts)) ?? [];
    if (answers.every((a) => !a.problem && a.cards.length === 0)) {
      await this.#orders.sign(patient.id, drafts);
      return redirect(res, 303, this.chartUrl(patient.id, 'signed'));
    }
    this.send(res, await this.view(patient, { notice: 'Not signed yet: review the order checks below.', orderCards: { hook: 'order-sign', cards: this.renderAnswers(patient.id, answers) } }));
  }

  private async suggestion(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const handle = param(form, 'card');
    const shown = this.#shown.get(handle);
    const suggestion = shown?.card.suggestions?.find((s) => s.uuid === param(form, 'suggestion'));
    if (!shown || !suggestion) return sendErrorPage(res, 400, 'invalid_request', 'that card is no longer shown; reopen the chart');
    const result = await this.#orders.apply(shown.patientId, suggestion.actions ?? []);
    if (result.refused) return redirect(res, 303, this.chartUrl(shown.patientId, 'refused'));
    this.#shown.take(handle);
    if (typeof shown.card.uuid === 'string') await this.o.caller()?.feedback(shown.serviceId, { card: shown.card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }] });
    redirect(res, 303, this.chartUrl(shown.patientId, 'applied'));
  }

  private async override(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const handle = param(form, 'card');
    const shown = this.#shown.get(handle);
    const reason = shown?.card.overrideReasons?.find((r) => r.code === param(form, 'reason'));
    if (!shown || !reason) return sendErrorPage(res, 400, 'invalid_request', 'that card is no longer shown; reopen the chart');
    this.#shown.take(handle);
    if (typeof shown.card.uuid === 'string') await this.o.caller()?.feedback(shown.serviceId, { card: shown.card.uuid, outcome: 'overridden', overrideReason: { reason: { system: reason.system, code: reason.code, display: reason.display } } });
    redirect(res, 303, this.chartUrl(shown.patientId, 'dismissed'));
  }

  private async launch(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const shown = this.#shown.get(param(form, 'card'));
    const link = shown?.card.links?.[Number(param(form, 'link'))];
    if (!shown || !link || link.type !== 'smart' || !isRegisteredAppLaunch(link.url, this.o.appLaunchUrl)) return sendErrorPage(res, 400, 'invalid_request', 'that link does not launch an app registered with this EHR');
    const { launchId } = this.o.auth.createLaunch({ patientId: shown.patientId, needPatientBanner: true, clientId: this.o.appClientId });
    const target = new URL(this.o.appLaunchUrl);
    target.searchParams.set('iss', this.o.fhirBase);
    target.searchParams.set('launch', launchId);
    redirect(res, 303, target.href);
  }
}

function draftName(d: Record<string, unknown>): string {
  const cc = d.medicationCodeableConcept as { text?: unknown; coding?: { display?: unknown }[] } | undefined;
  const text = typeof cc?.text === 'string' ? cc.text : cc?.coding?.find((c) => typeof c.display === 'string')?.display;
  return typeof text === 'string' ? text : 'unnamed medicine';
}
