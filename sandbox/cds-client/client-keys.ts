// The sandbox EHR as a CDS client signs every CDS Hooks call with its own key and publishes the public
// half as a JWK Set (CDS Hooks 2.0, "Trusting CDS Clients": header alg, kid, typ JWT, jku; claims iss,
// aud = the endpoint called, exp, iat, jti). A fresh ES384 key per sandbox start: nothing to keep secret
// on disk. https://cds-hooks.hl7.org/2.0/#trusting-cds-clients
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const CLIENT_JWT_LIFETIME_SECONDS = 120;

export class CdsClientKeys {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    readonly jwksUrl: string,
  ) {}

  static async create(issuer: string, jwksUrl: string): Promise<CdsClientKeys> {
    const { privateKey, publicKey } = await generateKeyPair('ES384');
    const kid = randomUUID();
    return new CdsClientKeys(privateKey, { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' }, issuer, jwksUrl);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** A JWT for one call to `endpointUrl`. */
  sign(endpointUrl: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: this.publicJwk.kid!, jku: this.jwksUrl })
      .setIssuer(this.issuer)
      .setAudience(endpointUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + CLIENT_JWT_LIFETIME_SECONDS)
      .sign(this.privateKey);
  }
}
