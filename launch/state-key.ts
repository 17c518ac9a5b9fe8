/**
 * The OAuth `state` for a launch: 256 bits from the platform's cryptographic random source,
 * base64url. fhirclient's own comes from Math.random (about 95 bits); SMART App Launch asks for at
 * least 122 bits of entropy from a secure source.
 */
export function secureStateKey(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
