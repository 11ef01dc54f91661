import { createHmac, randomBytes } from "node:crypto";

/**
 * Derives the opaque key a feedback vote is stored under: an HMAC of who pressed the button
 * and on which message, with a secret that never leaves the process. The same person pressing
 * again on the same message gets the same key (so the vote changes instead of counting twice),
 * yet the stored key reveals neither the user id nor the chat.
 */
export class VoterKeys {
  readonly #secret: Buffer;

  /** @param secret HMAC key; random per process by default (at least 16 bytes if given). */
  constructor(secret: Uint8Array = randomBytes(32)) {
    if (secret.byteLength < 16)
      throw new RangeError("the voter key secret needs at least 16 bytes");
    this.#secret = Buffer.from(secret);
  }

  /**
   * The key for one person on one message.
   * @param userId Telegram id of whoever pressed the button.
   * @param messageRef The message the button is on: `chatId:messageId`, or an inline message id.
   */
  /**
   * The key a person's language choice (/language) is kept under: an HMAC of their id alone, in
   * its own domain, so it matches none of their vote keys and reveals nothing about them.
   */
  languageKeyFor(userId: number): string {
    return createHmac("sha256", this.#secret)
      .update(`language\u0000${userId}`)
      .digest("base64url")
      .slice(0, 32);
  }

  keyFor(userId: number, messageRef: string): string {
    return createHmac("sha256", this.#secret)
      .update(`${userId}\u0000${messageRef}`)
      .digest("base64url")
      .slice(0, 32);
  }
}
