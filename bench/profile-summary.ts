/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function, inclusive time
 * of the project's own functions, and self time by area (project code, MiniSearch, Fastify, Node
 * internals, GC). Usable alone: `npx tsx bench/profile-summary.ts file.cpuprofile`.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  readonly name: string;
  readonly location: string;
  readonly area: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly busyMs: number;
  readonly self: FunctionTime[];
  readonly inclusive: FunctionTime[];
  readonly areas: { area: string; ms: number; share: number }[];
}

function area(url: string, name: string): string {
  if (url === "") return name.startsWith("(") ? name : "V8 builtins / native";
  if (url.includes("/node_modules/")) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    return match ? match[1]! : "node_modules";
  }
  if (url.startsWith("node:")) return "Node internals";
  if (url.includes("/dist/") || url.includes("/src/")) return "project (src/)";
  return "other";
}

function location(url: string, line: number): string {
  if (url === "") return "";
  const short = url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\//, "")
    .replace(/^.*\/(dist|src)\//, "$1/");
  return `${short}:${line + 1}`;
}

/**
 * @param from when given, only samples from the first one whose stack has a frame whose script
 *   URL satisfies it (for example the request handler) are counted: start-up is left out.
 */
export function summariseProfile(
  file: string,
  top = 15,
  from?: (url: string) => boolean,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let first = 0;
  if (from !== undefined) {
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const matches = (id: number): boolean => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (from(byId.get(at)!.callFrame.url)) return true;
      }
      return false;
    };
    const index = profile.samples.findIndex(matches);
    first = index === -1 ? 0 : index;
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (i >= first) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"}\u0000${location(n.callFrame.url, n.callFrame.lineNumber)}`;
  const idleUs = profile.nodes
    .filter((n) => n.callFrame.functionName === "(idle)")
    .reduce((sum, n) => sum + (selfUs.get(n.id) ?? 0), 0);
  const busyUs = totalUs - idleUs;

  const selfByKey = new Map<string, { node: ProfileNode; us: number }>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const k = key(node);
    const current = selfByKey.get(k);
    if (current) current.us += us;
    else selfByKey.set(k, { node, us });
  }

  // Inclusive time, counting recursive frames once.
  const inclusiveByKey = new Map<string, { node: ProfileNode; us: number }>();
  const subtree = new Map<number, number>();
  const total = (node: ProfileNode): number => {
    const cached = subtree.get(node.id);
    if (cached !== undefined) return cached;
    let us = selfUs.get(node.id) ?? 0;
    for (const child of node.children ?? []) us += total(byId.get(child)!);
    subtree.set(node.id, us);
    return us;
  };
  const root = profile.nodes[0]!;
  const stack: [ProfileNode, ReadonlySet<string>][] = [[root, new Set()]];
  while (stack.length > 0) {
    const [node, open] = stack.pop()!;
    const k = key(node);
    if (!open.has(k)) {
      const current = inclusiveByKey.get(k);
      if (current) current.us += total(node);
      else inclusiveByKey.set(k, { node, us: total(node) });
    }
    const next = new Set(open).add(k);
    for (const child of node.children ?? []) stack.push([byId.get(child)!, next]);
  }

  const toRow = ({ node, us }: { node: ProfileNode; us: number }): FunctionTime => ({
    name: node.callFrame.functionName || "(anonymous)",
    location: location(node.callFrame.url, node.callFrame.lineNumber),
    area: area(node.callFrame.url, node.callFrame.functionName),
    ms: us / 1000,
    share: us / busyUs,
  });
  const self = [...selfByKey.values()]
    .filter(({ node }) => node.callFrame.functionName !== "(idle)")
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(toRow);
  const inclusive = [...inclusiveByKey.values()]
    .filter(
      ({ node }) => area(node.callFrame.url, node.callFrame.functionName) === "project (src/)",
    )
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(toRow);
  const areas = new Map<string, number>();
  for (const { node, us } of selfByKey.values()) {
    if (node.callFrame.functionName === "(idle)") continue;
    const a = area(node.callFrame.url, node.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    self,
    inclusive,
    areas: [...areas]
      .sort((a, b) => b[1] - a[1])
      .map(([a, us]) => ({ area: a, ms: us / 1000, share: us / busyUs })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const summary = summariseProfile(process.argv[2] ?? "", Number(process.argv[3] ?? 20));
  console.log(`busy ${summary.busyMs.toFixed(0)} ms of ${summary.totalMs.toFixed(0)} ms sampled`);
  console.log("\nSelf time by function:");
  for (const f of summary.self)
    console.log(
      `${(f.share * 100).toFixed(1).padStart(6)}%  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  ${f.location}`,
    );
  console.log("\nInclusive time, project functions:");
  for (const f of summary.inclusive)
    console.log(
      `${(f.share * 100).toFixed(1).padStart(6)}%  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  ${f.location}`,
    );
  console.log("\nSelf time by area:");
  for (const a of summary.areas)
    console.log(
      `${(a.share * 100).toFixed(1).padStart(6)}%  ${a.ms.toFixed(0).padStart(7)} ms  ${a.area}`,
    );
}
