// Public types of the sandbox's SMART App Launch 2.x authorization server.
// Spec: https://hl7.org/fhir/smart-app-launch/

/** One row of the sandbox EHR's patient list (and of the standalone patient picker). */
export interface PatientSummary {
  /** FHIR Patient.id as the sandbox FHIR server knows it; becomes the token response's `patient`. */
  readonly id: string;
  /** Display name, shown as text (escaped), never in a page title. */
  readonly name: string;
  readonly gender?: string;
  /** FHIR date, for example `1990-04-12`. */
  readonly birthDate?: string;
  /** One line a demo clinician can pick by, e.g. "woman, 32 weeks pregnant, low magnesium". */
  readonly description?: string;
  /** Notes apps saved to this patient's chart, newest first, listed on the EHR page (saved-notes-view.ts). */
  readonly savedNotes?: readonly { readonly id: string; readonly date?: string; readonly status: string; readonly text: string }[];
}

/** Supplies the patients the EHR page and the picker list. Called on every page render. */
export type PatientsProvider = () => readonly PatientSummary[] | Promise<readonly PatientSummary[]>;

/**
 * A registered app. Only public clients (token_endpoint_auth_method "none") are supported:
 * the app under test is a browser app that cannot keep a secret.
 * https://hl7.org/fhir/smart-app-launch/app-launch.html#support-for-public-and-confidential-apps
 */
export interface RegisteredClient {
  readonly clientId: string;
  /** Compared to the request's redirect_uri by exact string equality (RFC 6749 §3.1.2.3, OAuth 2.0 Security BCP §4.1.3). */
  readonly redirectUris: readonly string[];
  /**
   * The most this client may be granted, in SMART syntax, e.g.
   * `launch launch/patient openid fhirUser patient/*.rs`. Granted = requested ∩ allowed.
   */
  readonly allowedScopes: readonly string[];
  /** Optional human name shown on the picker page. */
  readonly name?: string;
}

/** What an EHR launch binds server-side behind the opaque `launch` id. */
export interface LaunchRequest {
  readonly patientId: string;
  /** Conveyed as `need_patient_banner`; the sandbox EHR has no banner of its own, so the default is true. */
  readonly needPatientBanner?: boolean;
  /** Conveyed as `smart_style_url`; default is the sandbox's own style document. */
  readonly smartStyleUrl?: string;
  /** Restricts the launch to one client; other clients presenting this launch id are refused. */
  readonly clientId?: string;
  /** Access tokens from this launch live this long (capped at the server maximum). For "expires mid-session" faults. */
  readonly tokenLifetimeSeconds?: number;
}

export interface AuthServerOptions {
  /**
   * Absolute base URL of the authorization server, e.g. `http://127.0.0.1:8080/auth`.
   * Endpoints live under it (`/authorize`, `/token`, ...). It is also the OpenID Connect issuer.
   */
  readonly issuer: string;
  /** Absolute FHIR base URL, e.g. `http://127.0.0.1:8080/fhir`. `aud` must equal it (trailing slash ignored). */
  readonly fhirBaseUrl: string;
  readonly clients: readonly RegisteredClient[];
  readonly patients: PatientsProvider;
  /** Default access-token lifetime; SMART recommends no more than one hour, so larger values are capped at 3600. */
  readonly tokenLifetimeSeconds?: number;
  /** How long an EHR launch id stays usable (default 600 s). */
  readonly launchLifetimeSeconds?: number;
  /** Authorization code lifetime (default 60 s, "usually expiring within around one minute"). */
  readonly codeLifetimeSeconds?: number;
  /** The sandbox EHR page. Omit to serve no EHR page (the server still accepts launches created through the API). */
  readonly ehr?: {
    /** Path of the EHR page on this origin (default `/ehr`). */
    readonly path?: string;
    /** The app's registered launch URL; the EHR opens `<appLaunchUrl>?iss=<fhirBaseUrl>&launch=<id>`. */
    readonly appLaunchUrl: string;
    /** Bind every launch from the page to this client. */
    readonly clientId?: string;
  };
  /** The signed-in sandbox user (the EHR launch and standalone launch both auto-login this user). */
  readonly user?: {
    readonly id: string;
    /** `fhirUser` claim, relative to the FHIR base (e.g. `Practitioner/abc`) or absolute. */
    readonly fhirUser: string;
  };
  /**
   * Set when the sandbox is reachable from other machines (`--public-url`): the EHR page's and the
   * picker's forms are then accepted only under this origin (instead of from this machine only), and a
   * standalone launch's patient choice is no longer approved automatically: the user picks, then
   * confirms on a page that names the app, the patient and the scopes.
   */
  readonly publicOrigin?: string;
  /**
   * Changes a token response before it is sent (fault injection: an EHR that omits `scope`). Gets the
   * response and who it is for; returns the response to send.
   */
  readonly shapeTokenResponse?: (response: TokenResponseBody, grant: { readonly patient?: string; readonly clientId: string; readonly requestedScopes: readonly string[] }) => TokenResponseBody;
  /** Milliseconds since the epoch; injectable so tests can move time instead of waiting. */
  readonly now?: () => number;
}

/** The token endpoint's JSON answer (RFC 6749 §5.1 plus SMART's launch context). */
export interface TokenResponseBody {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  /** RFC 6749 §5.1: OPTIONAL if identical to the scope requested by the client, otherwise REQUIRED. */
  readonly scope?: string;
  readonly id_token?: string;
  readonly patient?: string;
  readonly need_patient_banner: boolean;
  readonly smart_style_url: string;
}
