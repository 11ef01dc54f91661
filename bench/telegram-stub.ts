/**
 * A minimal loopback stand-in for the Telegram Bot API, so the webhook benchmark measures the
 * bot end to end without the network: it answers `/bot<token>/<method>` the way Telegram does
 * (getMe, setWebhook, setMyCommands, setMyDescription, setMyShortDescription, sendMessage, ...
 * anything else gets `{ ok: true, result: true }`) and counts the calls; `GET /__stats` returns
 * the counts. Env: PORT, HOST (default 127.0.0.1).
 */
import http from "node:http";

const counts: Record<string, number> = {};
let messageId = 1;

const bot = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "FAQ bench bot",
  username: "faq_bench_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

function result(method: string, params: Record<string, unknown>): unknown {
  switch (method) {
    case "getMe":
      return bot;
    case "sendMessage":
    case "editMessageText":
      return {
        message_id: messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(params.chat_id ?? 1), type: "private", first_name: "Bench" },
        from: bot,
        text: String(params.text ?? ""),
      };
    case "getWebhookInfo":
      return { url: "", has_custom_certificate: false, pending_update_count: 0 };
    case "getMyCommands":
      return [];
    default:
      return true;
  }
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const url = new URL(request.url ?? "/", "http://stub");
    if (url.pathname === "/__stats") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(counts));
      return;
    }
    const method = url.pathname.split("/").filter(Boolean).pop() ?? "";
    counts[method] = (counts[method] ?? 0) + 1;
    let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const body = Buffer.concat(chunks).toString();
    if (body !== "") {
      try {
        params = { ...params, ...(JSON.parse(body) as Record<string, unknown>) };
      } catch {
        params = { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
      }
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ ok: true, result: result(method, params) }));
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 3002), process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
