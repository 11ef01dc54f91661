/**
 * Keyed hashes for the few places a per-person key cannot be avoided (rate limits, the
 * duplicate-vote guard): HMAC-SHA256 with a secret from the configuration (`HASH_SECRET`), so
 * the stored key reveals neither the Telegram user id nor the IP address, and cannot be
 * reversed by hashing every possible id without the secret. Each use derives its own key
 * ("domain separation"), so a rate-limit key never equals a vote key for the same person.
 */
import { createHmac } from "node:crypto";

/** Shortest secret accepted, in bytes. */
export const MIN_SECRET_BYTES = 16;

/** A secret that is too short to key an HMAC safely. */
export class WeakSecretError extends RangeError {
  constructor(bytes: number) {
    super(`the hashing secret needs at least ${MIN_SECRET_BYTES} bytes (got ${bytes})`);
    this.name = "WeakSecretError";
  }
}

/** The key for one purpose, derived from the configured secret: HMAC(secret, purpose). */
export function deriveSecret(secret: Uint8Array, purpose: string): Buffer {
  if (secret.byteLength < MIN_SECRET_BYTES) throw new WeakSecretError(secret.byteLength);
  return createHmac("sha256", secret).update(`faq-bot/${purpose}`).digest();
}

/** Hashes values for one purpose. */
export class KeyedHasher {
  readonly #key: Buffer;

  /**
   * @param secret The configured secret (at least {@link MIN_SECRET_BYTES} bytes).
   * @param purpose What the hashes are for (`rate-limit:bot`, ...); keys differ per purpose.
   */
  constructor(secret: Uint8Array, purpose: string) {
    this.#key = deriveSecret(secret, purpose);
  }

  /** 32 base64url characters (192 bits): opaque, stable for the same secret and value. */
  hash(value: string): string {
    return createHmac("sha256", this.#key).update(value).digest("base64url").slice(0, 32);
  }
}
