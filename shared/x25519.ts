/**
 * X25519 from @noble/curves' Montgomery ladder, with the same parameters as its
 * `@noble/curves/ed25519.js` export, but without the Edwards-curve fixed-base shortcut that
 * pulls the whole ed25519 module (≈ 10 KB gzip) into the ballot page. Same results
 * (shared/x25519.test.ts checks RFC 7748's vectors and agreement with the full export);
 * the phone's one key agreement per ballot is a little slower.
 */
import { mod, pow2 } from '@noble/curves/abstract/modular.js';
import { montgomery } from '@noble/curves/abstract/montgomery.js';

// Big-integer literals are beyond the ballot page's build target: BigInt() instead.
const [N1, N2, N3, N5, N10, N20, N40, N80] = [1, 2, 3, 5, 10, 20, 40, 80].map(BigInt) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
const P = BigInt('0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed');

/** x^(2^252 - 3) and x^3 by the addition chain noble uses for ed25519. */
function pow_2_252_3(x: bigint): { pow_p_5_8: bigint; b2: bigint } {
  const x2 = (x * x) % P;
  const b2 = (x2 * x) % P;
  const b4 = (pow2(b2, N2, P) * b2) % P;
  const b5 = (pow2(b4, N1, P) * x) % P;
  const b10 = (pow2(b5, N5, P) * b5) % P;
  const b20 = (pow2(b10, N10, P) * b10) % P;
  const b40 = (pow2(b20, N20, P) * b20) % P;
  const b80 = (pow2(b40, N40, P) * b40) % P;
  const b160 = (pow2(b80, N80, P) * b80) % P;
  const b240 = (pow2(b160, N80, P) * b80) % P;
  const b250 = (pow2(b240, N10, P) * b10) % P;
  return { pow_p_5_8: (pow2(b250, N2, P) * x) % P, b2 };
}

/** RFC 7748, section 5: clamp a 32-byte scalar in place. */
function adjustScalarBytes(bytes: Uint8Array): Uint8Array {
  bytes[0]! &= 248;
  bytes[31]! &= 127;
  bytes[31]! |= 64;
  return bytes;
}

export const x25519 = montgomery({
  P,
  type: 'x25519',
  powPminus2: (x: bigint) => {
    const { pow_p_5_8, b2 } = pow_2_252_3(x);
    return mod(pow2(pow_p_5_8, N3, P) * b2, P);
  },
  adjustScalarBytes,
});
