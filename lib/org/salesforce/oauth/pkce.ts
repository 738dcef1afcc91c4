/** The Web Crypto pieces PKCE needs, injected (the background passes `crypto`; tests pass fixed bytes). */
export interface PkceCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: Pick<SubtleCrypto, 'digest'>;
}

/** A PKCE pair (RFC 7636): the verifier kept by the extension and its S256 challenge sent to the org. */
export interface PkcePair {
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256';
}

// 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows, with 256 bits of entropy.
const VERIFIER_BYTES = 32;
const STATE_BYTES = 16;

/** Base64url without padding (RFC 4648 §5), as PKCE and OAuth `state` use it. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallengeOf(codeVerifier: string, crypto: PkceCrypto): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return base64UrlEncode(new Uint8Array(digest));
}

/** A fresh verifier from 32 random bytes, and its S256 challenge. */
export async function createPkcePair(crypto: PkceCrypto): Promise<PkcePair> {
  const codeVerifier = base64UrlEncode(crypto.getRandomValues(new Uint8Array(VERIFIER_BYTES)));
  return {
    codeVerifier,
    codeChallenge: await codeChallengeOf(codeVerifier, crypto),
    codeChallengeMethod: 'S256',
  };
}

/** An unguessable `state` for one authorization request (128 random bits). */
export function createOAuthState(crypto: PkceCrypto): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(STATE_BYTES)));
}
