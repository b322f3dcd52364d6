import { scrypt as scryptCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { SCRYPT_PARAMS, keySalt } from '../../shared/seal';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Uint8Array,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

/** The same key the phone derives with @noble/hashes, computed natively off the main thread. */
export function deriveSlipKeyNative(slipId: string, secret: string): Promise<Buffer> {
  const { N, r, p, dkLen } = SCRYPT_PARAMS;
  return scrypt(secret, keySalt(slipId), dkLen, { N, r, p });
}
