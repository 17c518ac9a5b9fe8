// The page a user sees when the server cannot (or must not) hand an error back to the app, for
// example an unknown client or an unregistered redirect_uri (RFC 6749 §4.1.2.1: "MUST NOT
// automatically redirect the user-agent to the invalid redirection URI").
import type { ServerResponse } from 'node:http';
import { html, page, sendPage } from './html';

export function sendErrorPage(res: ServerResponse, status: number, error: string, description: string): void {
  const body = html`<header><h1>Sandbox EHR</h1></header>
<main>
  <div class="error" role="alert">
    <h2>The app could not be authorised</h2>
    <p><code>${error}</code>: ${description}</p>
    <p>Relaunch the app from the EHR. If this keeps happening, the app's registration (client id, redirect URI) does not match this server.</p>
  </div>
</main>`;
  sendPage(res, status, page('Authorisation error', body));
}
