# syntax=docker/dockerfile:1

# 1. Install every dependency, compile TypeScript, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Toolchain for native modules (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# The build validates the knowledge base and snapshots it into dist/ (see src/faq/snapshot.ts).
COPY faq ./faq
RUN npm run build && npm prune --omit=dev

# 2. Slim runtime: production dependencies, compiled code and the knowledge base only.
FROM node:20-bookworm-slim
# Two malloc arenas instead of glibc's eight per core: V8's helper threads otherwise each keep
# freed memory in an arena of their own, ~10 MB of idle RSS (docs/performance.md, "Memory").
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# The very files the snapshot was built from (same Node image, same production libraries), so the
# snapshot's key matches and start-up skips validation; a FAQ mounted over it is validated in full.
COPY --from=build --chown=node:node /app/faq ./faq
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 (no npm wrapper), so SIGTERM from `docker stop` reaches it directly. The
# flag is npm start's: a young generation of 4 MB (docs/performance.md, "Memory").
CMD ["node", "--max-semi-space-size=4", "dist/main.js"]
