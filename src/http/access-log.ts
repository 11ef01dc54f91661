import type { FastifyInstance } from "fastify";
import { KeyedHasher } from "../store/keyed-hash.js";
import { clientKeyOf } from "../store/rate-limit.js";

/** Options of {@link registerAccessLog}. */
export interface AccessLogOptions {
  /** The level the lines are written at: `info` when asked for, `debug` as part of debugging. */
  readonly level: "info" | "debug";
  /** The configured hashing secret: the client is logged as an HMAC of its address, never the address. */
  readonly secret: Uint8Array;
}

/**
 * One line per request: method, route pattern, status and time, plus the client as a short
 * keyed hash (so one noisy client can be told apart, not identified). Never the URL, which holds
 * the question, nor the address itself.
 */
export function registerAccessLog(app: FastifyInstance, options: AccessLogOptions): void {
  const clients = new KeyedHasher(options.secret, "access-log");
  app.addHook("onResponse", (request, reply, done) => {
    request.log[options.level](
      {
        method: request.method,
        route: request.routeOptions.url ?? "unmatched",
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        client: clients.hash(clientKeyOf(request.ip)).slice(0, 12),
      },
      "request",
    );
    done();
  });
}
