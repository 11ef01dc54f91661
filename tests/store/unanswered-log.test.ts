/**
 * The unanswered log is bounded and anonymous: it stays under its cap after 100 000 distinct
 * questions (real SQLite, real Redis), nothing that identifies a person survives into the
 * stored text (property-based), and one client can add only a few questions a minute.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { normalizeText } from "../../src/text/normalize.js";
import { storedQuestion, type InsightsStore } from "../../src/store/insights.js";
import { connectRedis, createRedisClient } from "../../src/store/redis-client.js";
import { RedisInsightsStore } from "../../src/store/redis.js";
import { SqliteInsightsStore, sqlitePathIn } from "../../src/store/sqlite.js";
import { UnansweredBudget } from "../../src/store/unanswered-budget.js";
import { redisAvailable, startRedisServer, type TestRedisServer } from "../support/redis-server.js";

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const DISTINCT = 100_000;
const CAP = 10_000;

/** Records `DISTINCT` one-off questions and one asked 50 times, in batches; returns ms taken. */
async function flood(store: InsightsStore): Promise<number> {
  const started = Date.now();
  for (let batch = 0; batch < DISTINCT; batch += 1_000) {
    const recorded: Promise<void>[] = [];
    for (let i = batch; i < batch + 1_000; i++) {
      recorded.push(
        store.recordUnanswered({
          normalized: `junk question ${i.toString(36)} qx`,
          channel: "http",
          bestCandidate: null,
          confidence: 0,
        }),
      );
      if (i % 2_000 === 0)
        recorded.push(
          store.recordUnanswered({
            normalized: "can meta read my notes",
            channel: "http",
            bestCandidate: null,
            confidence: 0,
          }),
        );
    }
    await Promise.all(recorded);
  }
  return Date.now() - started;
}

describe("the unanswered log's cap, after 100 000 distinct questions", () => {
  const folders: string[] = [];
  let redis: TestRedisServer | undefined;
  let client: Redis | undefined;

  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("SQLite keeps at most the cap, the repeated question first, in a small file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "faq-cap-"));
    folders.push(folder);
    const store = new SqliteInsightsStore({
      path: sqlitePathIn(folder),
      maxUnansweredRows: CAP,
      groupCommitMs: 50,
    });
    const ms = await flood(store);
    const items = await store.unanswered(1_000);
    expect(items[0]).toMatchObject({ question: "can meta read my notes", count: 50 });
    await store.close();
    const bytes = (await stat(sqlitePathIn(folder))).size;
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(sqlitePathIn(folder), { readonly: true });
    const count = (
      db.prepare("SELECT count(*) AS n FROM unanswered_questions").get() as {
        n: number;
      }
    ).n;
    db.close();
    expect(count).toBeLessThanOrEqual(CAP);
    console.log(
      `[unanswered cap] SQLite: ${DISTINCT} distinct questions in ${ms} ms -> ${count} rows (cap ${CAP}), file ${(bytes / 1e6).toFixed(1)} MB`,
    );
  }, 60_000);

  it.runIf(redisAvailable())(
    "Redis keeps at most the cap, the repeated question first",
    async () => {
      redis = await startRedisServer();
      client = createRedisClient(redis.url, { logger: silent });
      expect(await connectRedis(client)).toBe(true);
      // Generous deadlines: this is about the cap, and CI's two cores are shared.
      const store = new RedisInsightsStore({
        client,
        keyPrefix: "cap:",
        maxUnansweredRows: CAP,
        timeoutMs: 10_000,
      });
      const ms = await flood(store);
      const items = await store.unanswered(1_000);
      expect(items[0]).toMatchObject({ question: "can meta read my notes", count: 50 });
      const day = new Date().toISOString().slice(0, 10);
      const [rank, today] = await Promise.all([
        client.zcard("cap:uqrank"),
        client.zcard(`cap:uq:${day}`),
      ]);
      expect(rank).toBeLessThanOrEqual(CAP);
      expect(today).toBeLessThanOrEqual(CAP);
      expect(await client.hlen(`cap:uqlast:${day}`)).toBe(today);
      const memory = Number(/used_memory:(\d+)/.exec(await client.info("memory"))?.[1]);
      console.log(
        `[unanswered cap] Redis: ${DISTINCT} distinct questions in ${ms} ms -> ${rank} rows (cap ${CAP}), used_memory ${(memory / 1e6).toFixed(1)} MB`,
      );
    },
    60_000,
  );
});

/** Words that never occur in the generated personal data, to build sentences around it. */
const filler = fc.array(
  fc.constantFrom("can", "meta", "see", "my", "chats", "is", "it", "safe", "and"),
  {
    maxLength: 5,
  },
);
/** A distinctive token: whatever survives of it in the stored text would identify someone. */
const token = fc.stringMatching(/^[a-z][a-z0-9]{5,9}$/).map((word) => `zq${word}`);
const separator = fc.constantFrom(".", "_", "-", "+");
const email = fc
  .tuple(token, separator, token, token, fc.constantFrom("com", "org", "de", "co.uk"))
  .map(([name, sep, surname, domain, tld]) => ({
    text: `${name}${sep}${surname}@${domain}.${tld}`,
    secrets: [name, surname, domain],
  }));
const url = fc
  .tuple(
    fc.constantFrom("https://", "http://", "HTTPS://", "www.", "https://www.", ""),
    token,
    fc.constantFrom("com", "me", "io"),
    token,
    fc.constantFrom("", "?id=", "#", "/"),
  )
  .map(([scheme, host, tld, path, tail]) => ({
    text: `${scheme}${host}.${tld}/${path}${tail}`,
    secrets: [host, path],
  }));
const handle = fc
  .tuple(token, fc.constantFrom("", "_", "_x"))
  .map(([name, tail]) => ({ text: `@${name}${tail}`, secrets: [name] }));
/** Phone numbers and ids, as people type them. */
const longNumber = fc
  .oneof(
    fc.stringMatching(/^[1-9][0-9]{4,14}$/),
    fc
      .tuple(
        fc.constantFrom("+", "", "("),
        fc.stringMatching(/^[1-9][0-9]{1,3}$/),
        fc.constantFrom(" ", "-", ".", ") "),
        fc.stringMatching(/^[0-9]{3}$/),
        fc.constantFrom(" ", "-", "."),
        fc.stringMatching(/^[0-9]{4,7}$/),
      )
      .map((parts) => parts.join("")),
  )
  .map((text) => ({ text, secrets: [text.replace(/\D/g, "")] }));
const personal = fc.oneof(email, url, handle, longNumber);

describe("the stored text of an unanswered question", () => {
  it("keeps no e-mail address, link, @handle or long number, as the engine normalises it", () => {
    fc.assert(
      fc.property(
        filler,
        personal,
        filler,
        fc.constantFrom(" ", ", ", ": ", " (", "\n"),
        (before, data, after, glue) => {
          const question = [...before, data.text].join(" ") + glue + after.join(" ");
          // The path a real question takes: the engine's normalised text, then the store's form.
          const stored = storedQuestion(normalizeText(question));
          for (const secret of data.secrets) {
            expect(stored).not.toContain(secret.toLowerCase());
          }
          expect(stored).not.toMatch(/\d{5}/);
          expect(stored).not.toMatch(/[@:/.]/);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("is the same when a caller hands the store raw text", () => {
    fc.assert(
      fc.property(filler, personal, (before, data) => {
        const stored = storedQuestion([...before, data.text].join(" "));
        for (const secret of data.secrets) expect(stored).not.toContain(secret.toLowerCase());
      }),
      { numRuns: 1_000 },
    );
  });

  it.each([
    ["is john.doe@gmail.com visible to meta", "is visible to meta"],
    ["call me on +49 170 1234567 pls", "call me on # pls"],
    ["my @handle_name got banned", "my got banned"],
    ["check https://example.com/u/jane?x=1 and wa.me/491701234567", "check and"],
    ["whatsapp policy 2021 and 2 step", "whatsapp policy 2021 and 2 step"],
    ["is whatsapp.com official", "is whatsapp com official"],
  ])("stores %j as %j", (question, expected) => {
    expect(storedQuestion(normalizeText(question))).toBe(expected);
  });
});

describe("one client's share of the unanswered log", () => {
  const secret = Buffer.from("0123456789abcdef0123456789abcdef");

  it("keeps 5 questions a minute per client, each client on its own, then a fresh minute", () => {
    const budget = new UnansweredBudget({ secret });
    const kept = (ip: string, at: number) =>
      Array.from({ length: 8 }, () => budget.allowsIp(ip, at));
    expect(kept("198.51.100.7", 0).filter(Boolean)).toHaveLength(5);
    expect(kept("198.51.100.8", 1_000).filter(Boolean)).toHaveLength(5);
    // IPv6 clients count by their /64.
    expect(budget.allowsIp("2001:db8::1", 0)).toBe(true);
    for (let i = 0; i < 4; i++) budget.allowsIp("2001:db8::2", 0);
    expect(budget.allowsIp("2001:db8::3", 0)).toBe(false);
    expect(budget.allowsIp("198.51.100.7", 60_000)).toBe(true);
    expect(budget.allowsUser(42, 0)).toBe(true);
  });
});
