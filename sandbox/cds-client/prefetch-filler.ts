// Prefetch as a CDS client does it (CDS Hooks 2.0, "Prefetch Template"): each template the service
// registered, with its tokens replaced from the hook's context, read from this EHR's own FHIR server
// with the same token the service is given. A read that finds nothing is sent as null; a key whose
// tokens the context cannot fill, or whose read failed, is left out ("CDS Clients MUST omit the
// prefetch key if relevant details cannot be provided"). https://cds-hooks.hl7.org/2.0/#prefetch-template
export interface PrefetchContext {
  readonly [field: string]: string | undefined;
}

const TOKEN = /\{\{([A-Za-z.]+)\}\}/g;

/** The relative FHIR URL for one template, or undefined when a token has no value. */
export function fillTemplate(template: string, context: PrefetchContext, userPractitionerId?: string): string | undefined {
  let missing = false;
  const filled = template.replace(TOKEN, (_m, name: string) => {
    const value = name.startsWith('context.') ? context[name.slice('context.'.length)] : name === 'userPractitionerId' ? userPractitionerId : undefined;
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing || /^[a-z]+:/i.test(filled) || filled.startsWith('/') ? undefined : filled;
}

export async function fillPrefetch(templates: Readonly<Record<string, string>>, context: PrefetchContext, fhirBase: string, accessToken: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  await Promise.all(
    Object.entries(templates).map(async ([key, template]) => {
      const relative = fillTemplate(template, context);
      if (!relative) return;
      try {
        const r = await fetch(`${fhirBase}/${relative}`, { headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${accessToken}` } });
        if (r.status === 404) {
          out[key] = null;
          await r.body?.cancel();
        } else if (r.ok) out[key] = await r.json();
        else await r.body?.cancel();
      } catch {
        // left out: the service fetches it itself
      }
    }),
  );
  return out;
}
