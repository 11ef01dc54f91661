/**
 * `npx tsx bench/fairness.ts`: how one flooding client affects everyone else, and where load
 * shedding (`@fastify/under-pressure`) engages. The app (real knowledge base, the per-client
 * question limit, `trustProxy` so clients are told apart by `X-Forwarded-For`) runs in a child
 * process; the flood is autocannon in another child; "everyone else" is this process asking
 * one request at a time from rotating addresses (never over their budget). Each scenario runs
 * for a few seconds and reports the others' latency, their errors, and the server's event-loop
 * delay and utilisation per 100 ms. Loopback only, bounded in time. Not part of `npm run bench`
 * (it is about thresholds, not speed): the README quotes its output.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { DEFAULT_PRESSURE, type PressureOptions } from "../src/http/app.js";
import { freePort, percentile, ROOT, waitFor200 } from "./lib.js";

/** Load shedding as the service sets it, or none. */
type Pressure = PressureOptions | undefined;

if (process.argv[2] === "serve") await serve(Number(process.argv[3]), JSON.parse(process.argv[4]!));
else await main();

/** The child: the app on loopback, printing event-loop delay and utilisation every 100 ms. */
async function serve(
  port: number,
  options: { pressure: Pressure; limit: number; delayMs: number },
) {
  const { monitorEventLoopDelay, performance } = await import("node:perf_hooks");
  const { buildApp } = await import("../src/http/app.js");
  const { AnswerServiceHolder } = await import("../src/answering/holder.js");
  const { QuestionLimiter } = await import("../src/store/rate-limit.js");
  const { AnswerService } = await import("../src/answering/service.js");
  const { loadKnowledgeBase } = await import("../src/faq/loader.js");
  const answers = new AnswerServiceHolder();
  answers.set(AnswerService.build(await loadKnowledgeBase(`${ROOT}/faq`)));
  const app = await buildApp({
    answers,
    pressure: options.pressure,
    rateLimitDelayMs: options.delayMs,
    trustProxy: 1,
    questionRateLimit: new QuestionLimiter({
      secret: Buffer.from("fairness-bench-secret-0123456789abcdef"),
      limit: options.limit,
    }),
  });
  await app.listen({ port, host: "127.0.0.1" });
  // As under-pressure measures it: resolution 10 ms, the mean less the resolution.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let elu = performance.eventLoopUtilization();
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    const utilisation = performance.eventLoopUtilization(now, elu).utilization;
    elu = now;
    const delayMs = Math.max(0, delay.mean / 1e6 - 10);
    process.stdout.write(`${JSON.stringify({ delayMs, utilisation })}\n`);
    delay.reset();
  }, 500).unref();
}

interface Scenario {
  readonly name: string;
  readonly pressure: Pressure;
  /** Questions per client per minute (the flood's budget is five times as many suggestions). */
  readonly limit: number;
  /** Flooding connections from one address; 0 for none. */
  readonly flood: number;
  /** How long a request over its budget waits for its 429, ms. */
  readonly delayMs: number;
}

async function main() {
  const none: Pressure = undefined;
  const chosen: Pressure = DEFAULT_PRESSURE;
  const scenarios: Scenario[] = [
    { name: "nothing else", pressure: chosen, limit: 60, flood: 0, delayMs: 1_000 },
    {
      name: "one client, 32 conn., 429 at once",
      pressure: chosen,
      limit: 60,
      flood: 32,
      delayMs: 0,
    },
    {
      name: "one client, 32 conn., 429 after 1 s",
      pressure: chosen,
      limit: 60,
      flood: 32,
      delayMs: 1_000,
    },
    {
      name: "one client, 256 conn., 429 after 1 s",
      pressure: chosen,
      limit: 60,
      flood: 256,
      delayMs: 1_000,
    },
    {
      name: "many clients, 8 conn., no shedding",
      pressure: none,
      limit: 1e6,
      flood: 8,
      delayMs: 0,
    },
    { name: "many clients, 8 conn., shedding", pressure: chosen, limit: 1e6, flood: 8, delayMs: 0 },
    {
      name: "many clients, 64 conn., shedding",
      pressure: chosen,
      limit: 1e6,
      flood: 64,
      delayMs: 0,
    },
    {
      name: "many clients, 256 conn., no shedding",
      pressure: none,
      limit: 1e6,
      flood: 256,
      delayMs: 0,
    },
    {
      name: "many clients, 256 conn., shedding",
      pressure: chosen,
      limit: 1e6,
      flood: 256,
      delayMs: 0,
    },
  ];
  console.log(
    "| flood | others: requests | median | p99 | errors (503) | server: event-loop delay (mean per 500 ms) p50/max | utilisation p50 | flood: requests/s, 429s, 503s |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const scenario of scenarios) console.log(await run(scenario));
}

async function run(scenario: Scenario): Promise<string> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "bench/fairness.ts", "serve", String(port), JSON.stringify(scenario)],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const samples: { delayMs: number; utilisation: number }[] = [];
  let buffered = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) samples.push(JSON.parse(line));
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/healthz`, { child: server });
  // Warm up: the first suggestion builds the suggester.
  await fetch(`${url}/suggest?q=enc`, { headers: { "x-forwarded-for": "203.0.113.250" } });
  const flood = scenario.flood > 0 ? startFlood(url, scenario.flood, 8) : undefined;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  samples.length = 0;
  const others = await askAsOthers(url, 6_000);
  const serverSamples = [...samples];
  const flooded = flood === undefined ? undefined : await flood;
  server.kill("SIGKILL");
  const delays = serverSamples.map((s) => s.delayMs);
  const utilisation = serverSamples.map((s) => s.utilisation);
  return `| ${scenario.name} | ${others.latencies.length} | ${percentile(others.latencies, 0.5).toFixed(1)} ms | ${percentile(others.latencies, 0.99).toFixed(1)} ms | ${others.errors} (${others.shed}) | ${percentile(delays, 0.5).toFixed(0)} / ${Math.max(...delays).toFixed(0)} ms | ${percentile(utilisation, 0.5).toFixed(2)} | ${flooded ?? "-"} |`;
}

/** Everyone else: one request at a time, /ask and /suggest, each from another address. */
async function askAsOthers(url: string, ms: number) {
  const latencies: number[] = [];
  let errors = 0;
  let shed = 0;
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until; i++) {
    const path =
      i % 2 === 0 ? `/ask?q=can%20meta%20read%20my%20chats%20${i % 7}` : `/suggest?q=back`;
    const started = performance.now();
    const response = await fetch(`${url}${path}`, {
      headers: { "x-forwarded-for": `203.0.113.${i % 200}` },
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) errors++;
    if (response.status === 503) shed++;
  }
  return { latencies, errors, shed };
}

/** autocannon in a child process (so it does not share this process's event loop). */
function startFlood(url: string, connections: number, seconds: number): Promise<string> {
  const cli = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      "--json",
      "-c",
      String(connections),
      "-d",
      String(seconds),
      "-H",
      "x-forwarded-for=198.51.100.66",
      `${url}/suggest?q=enc`,
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once("exit", () => {
      try {
        const result = JSON.parse(output) as {
          requests: { average: number };
          statusCodeStats?: Record<string, { count: number }>;
        };
        const codes = result.statusCodeStats ?? {};
        resolve(
          `${Math.round(result.requests.average)}/s, ${codes["429"]?.count ?? 0}, ${codes["503"]?.count ?? 0}`,
        );
      } catch {
        resolve("(no result)");
      }
    }),
  );
}
