// Every secret the server hands out (launch ids, codes, access tokens, picker handles) comes from here.
import { randomBytes } from 'node:crypto';

/**
 * 256 bits from the OS CSPRNG, base64url-encoded (43 characters, URL-safe). Unguessable as RFC 6749 §10.10
 * and SMART ("references must be infeasible for an attacker to guess") require. URL-safe matters in
 * practice: fhirclient 2.6 puts the code into the token request body without percent-encoding it.
 */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
