// OpenID Connect id_token for `openid fhirUser`, signed RS256 as SMART's sso-openid-connect requires
// ("The EHR SHALL support Signing ID Tokens with RSA SHA-256"; public keys "published as bare JWK keys").
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#scopes-for-requesting-identity-data
// https://openid.net/specs/openid-connect-core-1_0.html#IDToken
import { createHash, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface IdTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly nonce?: string;
  readonly fhirUser?: string;
}

interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicJwk: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** RFC 7638 JWK thumbprint: a stable key id derived from the key itself. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

export class IdTokenSigner {
  #key: SigningKey | undefined;

  // The key pair is made on first use: generating RSA keys takes tens of milliseconds, and a server
  // whose apps never ask for `openid` should not pay for it. Keys live only in memory, per process.
  #signingKey(): SigningKey {
    if (!this.#key) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = publicKey.export({ format: 'jwk' });
      this.#key = { privateKey, publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, kid: thumbprint(jwk), alg: 'RS256', use: 'sig' } };
    }
    return this.#key;
  }

  sign(claims: IdTokenClaims): string {
    const key = this.#signingKey();
    const input = `${base64urlJson({ alg: 'RS256', typ: 'JWT', kid: key.publicJwk.kid })}.${base64urlJson(claims)}`;
    const signature = sign('sha256', Buffer.from(input, 'ascii'), key.privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  jwks(): { keys: SigningKey['publicJwk'][] } {
    return { keys: [this.#signingKey().publicJwk] };
  }
}
