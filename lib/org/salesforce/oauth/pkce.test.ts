import { base64UrlEncode, codeChallengeOf, createOAuthState, createPkcePair, type PkceCrypto } from './pkce';

// RFC 7636, appendix B: the octets, the verifier they encode to, and its S256 challenge.
const APPENDIX_B_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
  240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const APPENDIX_B_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const APPENDIX_B_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function cryptoGiving(octets: number[]): PkceCrypto {
  return {
    getRandomValues: <T extends Uint8Array>(array: T) => {
      array.set(octets.slice(0, array.length));
      return array;
    },
    subtle: crypto.subtle,
  };
}

describe('PKCE (RFC 7636)', () => {
  it('encodes the appendix B octets to the appendix B verifier', () => {
    expect(base64UrlEncode(new Uint8Array(APPENDIX_B_OCTETS))).toBe(APPENDIX_B_VERIFIER);
  });

  it('derives the appendix B S256 challenge from the appendix B verifier', async () => {
    expect(await codeChallengeOf(APPENDIX_B_VERIFIER, crypto)).toBe(APPENDIX_B_CHALLENGE);
  });

  it('makes the appendix B pair from the appendix B random octets', async () => {
    expect(await createPkcePair(cryptoGiving(APPENDIX_B_OCTETS))).toEqual({
      codeVerifier: APPENDIX_B_VERIFIER,
      codeChallenge: APPENDIX_B_CHALLENGE,
      codeChallengeMethod: 'S256',
    });
  });

  it('uses only unreserved characters and no padding', () => {
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64UrlEncode(new Uint8Array([1]))).toBe('AQ');
  });

  it('gives a 43-character verifier and a different one each time from the real random source', async () => {
    const first = await createPkcePair(crypto);
    const second = await createPkcePair(crypto);
    expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
    expect(createOAuthState(crypto)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
