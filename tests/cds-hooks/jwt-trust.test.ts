/**
 * Trusting CDS clients (CDS Hooks 2.0, https://cds-hooks.hl7.org/2.0/#trusting-cds-clients): the
 * client's JWT is verified for signature, allowlisted iss and jku, aud equal to the called endpoint,
 * exp, iat and jti replay. The client's JWK Set is served from a loopback server, as a real client
 * publishes it.
 */
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsHooksServer } from '../../cds-hooks/server.js';
import { SERVICES } from '../../cds-hooks/services/index.js';
import { BundleBuilder } from '../support/fhir-builder.js';
import { AS_OF, hookBody } from './support/calls.js';
import { prefetchFor } from './support/prefetch.js';
import { post, startTestServer } from './support/server.js';

const ISSUER = 'https://ehr.example/cds-client';
let jwksServer: Server;
let jwksUrl: string;
let server: CdsHooksServer;
let key: CryptoKey;
let otherKey: CryptoKey;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('ES384');
  key = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'client-key-1', alg: 'ES384', use: 'sig' };
  otherKey = (await generateKeyPair('ES384')).privateKey;
  jwksServer = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/jwks.json`;
  server = await startTestServer({ trust: [{ issuer: ISSUER, jwksUrl }] });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const endpoint = () => `${server.baseUrl}/cds-services/leg-cramps-review`;

interface JwtOptions {
  iss?: string;
  aud?: string | string[];
  expInSeconds?: number;
  iatSecondsAgo?: number;
  jti?: string | null;
  kid?: string;
  jku?: string;
  signWith?: CryptoKey;
  alg?: string;
}

async function jwt(o: JwtOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: o.iss ?? ISSUER, aud: o.aud ?? endpoint(), exp: now + (o.expInSeconds ?? 240), iat: now - (o.iatSecondsAgo ?? 0) };
  if (o.jti !== null) claims.jti = o.jti ?? randomUUID();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: o.alg ?? 'ES384', typ: 'JWT', kid: o.kid ?? 'client-key-1', ...(o.jku ? { jku: o.jku } : {}) })
    .sign(o.signWith ?? key);
}

function body() {
  const b = new BundleBuilder();
  return hookBody('patient-view', b.patientId, { prefetch: prefetchFor(b.bundle(), SERVICES[0]!.selection, AS_OF) });
}

const call = (token: string | undefined, url = endpoint(), payload: unknown = body()) => post(url, payload, token === undefined ? {} : { Authorization: `Bearer ${token}` });

describe('a trusted client’s JWT', () => {
  it('is accepted when signed by the allowlisted key for the called endpoint, with or without the allowlisted jku', async () => {
    expect((await call(await jwt())).status).toBe(200);
    expect((await call(await jwt({ jku: jwksUrl }))).status).toBe(200);
    expect((await call(await jwt({ aud: ['https://other.example', endpoint()] }))).status).toBe(200);
  });

  it('is required: no Authorization header → 401 with WWW-Authenticate', async () => {
    const r = await call(undefined);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(r.text).toMatch(/requires a signed JWT/);
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    ['a signature by another key under the same kid', () => jwt({ signWith: otherKey }), /signature does not verify/],
    ['an issuer not on the allowlist', () => jwt({ iss: 'https://evil.example' }), /issuer is not trusted/],
    ['a jku that is not the allowlisted JWK Set', () => jwt({ jku: 'https://evil.example/jwks.json' }), /jku is not the JWK Set URL trusted/],
    ['aud naming another endpoint', async () => jwt({ aud: `${server.baseUrl}/cds-services/quinine-order-sign` }), /aud is not the URL of the endpoint/],
    ['aud naming the discovery endpoint', async () => jwt({ aud: `${server.baseUrl}/cds-services` }), /aud is not the URL/],
    ['an expired token', () => jwt({ expInSeconds: -120 }), /expired/],
    ['a token issued long ago', () => jwt({ iatSecondsAgo: 3600, expInSeconds: 600 }), /iat is missing, in the future or more than/],
    ['no jti', () => jwt({ jti: null }), /jti is missing/],
    ['an unknown kid', () => jwt({ kid: 'nobody' }), /no key in the trusted JWK Set matches kid/],
    ['garbage', async () => 'not.a.jwt', /not a well-formed JWT/],
  ])('refuses %s with 401', async (_what, token, reason) => {
    const r = await call(await token());
    expect(r.status).toBe(401);
    expect(r.text).toMatch(reason);
  });

  it('refuses an unsigned token (alg none) and a symmetric one (HS256)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { iss: ISSUER, aud: endpoint(), exp: now + 60, iat: now, jti: randomUUID() };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect((await call(none)).text).toMatch(/asymmetric signature/);
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'client-key-1' }).sign(new TextEncoder().encode('x'.repeat(32)));
    const r = await call(hs);
    expect(r.status).toBe(401);
    expect(r.text).toMatch(/asymmetric signature/);
  });

  it('refuses a replayed jti', async () => {
    const token = await jwt();
    expect((await call(token)).status).toBe(200);
    const again = await call(token);
    expect(again.status).toBe(401);
    expect(again.text).toMatch(/already used \(replay\)/);
  });

  it('checks feedback with the feedback endpoint as aud, and before the body is read', async () => {
    const url = `${endpoint()}/feedback`;
    const feedback = { feedback: [{ card: randomUUID(), outcome: 'overridden', outcomeTimestamp: '2026-06-15T10:00:00Z' }] };
    expect((await call(await jwt({ aud: url }), url, feedback)).status).toBe(200);
    expect((await call(await jwt(), url, feedback)).status).toBe(401);
    expect((await call(undefined, url, '{not json')).status).toBe(401);
  });

  it('leaves discovery public (it holds no patient data)', async () => {
    expect((await fetch(`${server.baseUrl}/cds-services`)).status).toBe(200);
  });

  it('answers browser preflights for any origin: the JWT, not the origin, authorises a call', async () => {
    const r = await fetch(endpoint(), { method: 'OPTIONS', headers: { Origin: 'https://ehr.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://ehr.example');
    expect(r.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });
});
