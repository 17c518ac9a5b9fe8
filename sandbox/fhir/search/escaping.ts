/**
 * Search value escaping (http://hl7.org/fhir/R4/search.html#escaping): `\,` `\|` `\$` and `\\` stand for the
 * literal characters. Values are split on unescaped separators first and unescaped last, so that
 * `code=a\,b` is one code and `identifier=sys|va\|ue` keeps its pipe.
 */
export function splitUnescaped(input: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charAt(i);
    if (c === '\\' && i + 1 < input.length) {
      current += c + input.charAt(i + 1);
      i++;
    } else if (c === separator && parts.length < limit - 1) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

export function unescapeValue(input: string): string {
  return input.replace(/\\(.)/g, '$1');
}
