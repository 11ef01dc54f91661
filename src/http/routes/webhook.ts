import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";

/** Path Telegram posts updates to; `setWebhook` is called with `${WEBHOOK_URL}${WEBHOOK_PATH}`. */
export const WEBHOOK_PATH = "/webhook";
/** Largest update accepted. Updates are small, but larger than the API's 64 KiB default. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** Telegram's header carrying the webhook secret. */
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** What the route accepts: any JSON object with a whole, non-negative `update_id`. */
export interface WebhookUpdate {
  readonly update_id: number;
  readonly [field: string]: unknown;
}

export interface WebhookRouteOptions {
  /** Must equal the `secret_token` given to `setWebhook`; anything else gets 401. */
  readonly secretToken: string;
  /**
   * Stores the update durably (the bot's queue). The route answers 200 once this resolves, and
   * 503 when it rejects: Telegram then keeps the update and delivers it again later.
   */
  readonly accept: (update: WebhookUpdate) => Promise<unknown>;
  /** Told when an update could not be stored (answered 503). */
  readonly onRefused?: (error: unknown) => void;
}

const updateSchema = {
  type: "object",
  required: ["update_id"],
  properties: { update_id: { type: "integer", minimum: 0 } },
} as const;

/**
 * `POST /webhook`: Telegram's updates. The secret header is checked before the body is even
 * parsed (constant time). The update is then handed to the durable queue and acknowledged as soon
 * as it is stored: answering it (and any wait for the Bot API) happens in the queue's workers,
 * never while Telegram's request is open.
 */
export const webhookRoutes: FastifyPluginAsync<WebhookRouteOptions> = async (app, options) => {
  const expected = digest(options.secretToken);

  app.post<{ Body: WebhookUpdate }>(
    WEBHOOK_PATH,
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: { hide: true, body: updateSchema },
      onRequest: async (request, reply) => {
        const header = request.headers[SECRET_HEADER];
        if (typeof header !== "string" || !timingSafeEqual(digest(header), expected)) {
          return reply.code(401).send({
            error: "unauthorized",
            message: "Missing or wrong X-Telegram-Bot-Api-Secret-Token.",
          });
        }
      },
    },
    async (request, reply) => {
      try {
        await options.accept(request.body);
      } catch (error) {
        options.onRefused?.(error);
        return reply.code(503).header("retry-after", "5").send({
          error: "service_unavailable",
          message: "The update could not be stored; deliver it again later.",
        });
      }
      return reply.code(200).send({});
    },
  );
};

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
