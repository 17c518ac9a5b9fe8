import { FhirError, notFound, notSupported } from '../operation-outcome';
import { isKnownResourceType } from '../search/parameters';
import { isId } from '../search/references';

/** The FHIR RESTful interaction a request asks for (http://hl7.org/fhir/R4/http.html). */
export type Route =
  | { readonly interaction: 'capabilities' }
  | { readonly interaction: 'transaction' }
  | { readonly interaction: 'search-type'; readonly resourceType: string; readonly viaPost: boolean }
  | { readonly interaction: 'create'; readonly resourceType: string }
  | { readonly interaction: 'read' | 'update' | 'delete' | 'history-instance'; readonly resourceType: string; readonly id: string }
  | { readonly interaction: 'vread'; readonly resourceType: string; readonly id: string; readonly vid: string };

/**
 * Maps method + path (relative to the base, already split on `/`) to an interaction, refusing what this
 * server does not do with the status FHIR asks for: 404 for an unknown type or path, 405 (with Allow) for a
 * method the path does not take, 400 not-supported for operations (`$everything`, ...) and system-level
 * search or history.
 */
export function routeRequest(method: string, segments: readonly string[]): Route {
  if (segments.some((s) => s.startsWith('$'))) {
    throw notSupported(`Operations are not supported: ${segments.join('/')}`);
  }
  const [type, id, history, vid, ...rest] = segments;
  if (type === undefined) {
    return allow(method, { POST: { interaction: 'transaction' } }, 'System-level search is not supported');
  }
  if (type === 'metadata' && id === undefined) {
    return allow(method, { GET: { interaction: 'capabilities' } });
  }
  if (type === '_history') {
    throw notSupported('System-level history is not supported');
  }
  if (!isKnownResourceType(type)) {
    throw notFound(`Unknown resource type: ${type}`);
  }
  if (id === undefined) {
    return allow(method, {
      GET: { interaction: 'search-type', resourceType: type, viaPost: false },
      POST: { interaction: 'create', resourceType: type },
    });
  }
  if (id === '_search' && history === undefined) {
    return allow(method, { POST: { interaction: 'search-type', resourceType: type, viaPost: true } });
  }
  if (id === '_history' || !isId(id) || rest.length > 0 || (history !== undefined && history !== '_history')) {
    throw id === '_history' ? notSupported('Type-level history is not supported') : notFound(`No such path: ${segments.join('/')}`);
  }
  if (history === undefined) {
    return allow(method, {
      GET: { interaction: 'read', resourceType: type, id },
      PUT: { interaction: 'update', resourceType: type, id },
      DELETE: { interaction: 'delete', resourceType: type, id },
    });
  }
  if (vid === undefined) {
    return allow(method, { GET: { interaction: 'history-instance', resourceType: type, id } });
  }
  return allow(method, { GET: { interaction: 'vread', resourceType: type, id, vid } });
}

function allow(method: string, routes: Partial<Record<string, Route>>, otherwise?: string): Route {
  const route = routes[method];
  if (route) {
    return route;
  }
  if (otherwise && method === 'GET') {
    throw notSupported(otherwise);
  }
  const methods = Object.keys(routes).join(', ');
  throw new FhirError(405, 'not-supported', `${method} is not allowed here (allowed: ${methods})`, { headers: { Allow: methods } });
}
