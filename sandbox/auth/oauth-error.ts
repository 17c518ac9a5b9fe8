// OAuth 2.0 errors as RFC 6749 defines them: an `error` code from a fixed list plus a human
// `error_description`. The same error is delivered three ways depending on where it happens:
// redirected to the client (§4.1.2.1), shown as a page when the redirect URI cannot be trusted,
// or returned as JSON from the token endpoint (§5.2).

export type AuthorizeErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error'
  // RFC 8707 §2: the requested resource (SMART's `aud`) is invalid or unknown.
  | 'invalid_target';

export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export class OAuthError<Code extends string = AuthorizeErrorCode | TokenErrorCode> extends Error {
  readonly code: Code;
  readonly description: string;

  constructor(code: Code, description: string, options?: { cause?: unknown }) {
    super(`${code}: ${description}`, options);
    this.name = 'OAuthError';
    this.code = code;
    this.description = description;
  }

  /** RFC 6749 §5.2 JSON body. */
  toJSON(): { error: Code; error_description: string } {
    return { error: this.code, error_description: this.description };
  }
}

/**
 * Error raised before the redirect URI is known to belong to the client (unknown client_id,
 * unregistered redirect_uri): RFC 6749 §4.1.2.1 forbids redirecting, so the user sees a page.
 */
export class UntrustedRedirectError extends OAuthError<AuthorizeErrorCode> {
  constructor(code: AuthorizeErrorCode, description: string) {
    super(code, description);
    this.name = 'UntrustedRedirectError';
  }
}

/** Appends params to a redirect URI, keeping any query it already has (RFC 6749 §3.1.2). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(key, value);
  return url.href;
}
