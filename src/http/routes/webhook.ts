import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { type Bot, webhookCallback } from "grammy";

/** Path Telegram posts updates to; `setWebhook` is called with `${WEBHOOK_URL}${WEBHOOK_PATH}`. */
export const WEBHOOK_PATH = "/webhook";
/** Largest update accepted. Updates are small, but larger than the API's 64 KiB default. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** Telegram's header carrying the webhook secret. */
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookRouteOptions {
  /** The bot that handles the updates (initialised before the server listens). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any context flavour, as webhookCallback takes
  readonly bot: Bot<any>;
  /** Must equal the `secret_token` given to `setWebhook`; anything else gets 401. */
  readonly secretToken: string;
  /** False while the service cannot answer yet: the update gets 503 and Telegram redelivers it. */
  readonly isReady?: () => boolean;
  /**
   * After this long the update is acknowledged (200) while handling goes on, so Telegram never
   * times out and redelivers. Default 8 s.
   */
  readonly timeoutMs?: number;
}

const updateSchema = {
  type: "object",
  required: ["update_id"],
  properties: { update_id: { type: "integer", minimum: 0 } },
} as const;

/**
 * `POST /webhook`: Telegram's updates, handed to grammY's Fastify adapter. The secret header
 * is checked before the body is even parsed (constant time); grammY checks it again.
 */
export const webhookRoutes: FastifyPluginAsync<WebhookRouteOptions> = async (app, options) => {
  const expected = digest(options.secretToken);
  const handleUpdate = webhookCallback(options.bot, "fastify", {
    secretToken: options.secretToken,
    onTimeout: "return",
    timeoutMilliseconds: options.timeoutMs ?? 8_000,
  });

  const checkSecret = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[SECRET_HEADER];
    if (typeof header !== "string" || !timingSafeEqual(digest(header), expected)) {
      return reply.code(401).send({
        error: "unauthorized",
        message: "Missing or wrong X-Telegram-Bot-Api-Secret-Token.",
      });
    }
  };
  const checkReady = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (options.isReady !== undefined && !options.isReady()) {
      return reply.code(503).send({
        error: "service_unavailable",
        message: "The service is not ready yet; try again shortly.",
      });
    }
  };

  app.post(
    WEBHOOK_PATH,
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: { hide: true, body: updateSchema },
      onRequest: checkSecret,
      preHandler: checkReady,
    },
    handleUpdate,
  );
};

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
