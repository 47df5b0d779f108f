# syntax=docker/dockerfile:1
# Stevedore's production image: compiled JavaScript on the Node LTS, production dependencies only, non-root.
# Build: docker build -t stevedore .   Run: docs/deployment.md.

# Node 24, an LTS line supported until April 2028 (Node 20 reached its end of life in April 2026); trixie-slim is
# the current Debian (glibc, so better-sqlite3 and resvg load their usual binaries) without the full image's
# extras. Every stage uses the same base, so the native addon compiled below matches the runtime's Node ABI.
# For fully repeatable builds, pin a digest: --build-arg NODE_IMAGE=node:24-trixie-slim@sha256:…
ARG NODE_IMAGE=node:24-trixie-slim

# Dependencies, compiled once: better-sqlite3 is a native addon, and the toolchain stays in this stage.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The package files first: this layer and npm ci are reused until the dependencies change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# The compiled JavaScript: type-checked (tsc), compiled to dist/ (esbuild, scripts/build.mjs).
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs scripts/build.mjs
COPY src/ src/
RUN npm run build
# The knowledge and flag inventory parsed once, and the answer engine's index built once, here, by the compiled
# code the image runs (the cache keys hold that code and the files' contents), into ./.cache/stevedore
# (CACHE_DIR's default), so a start reads them instead of parsing YAML and building the index. docs/deployment.md.
COPY knowledge/ knowledge/
COPY docker-cli/ docker-cli/
RUN node dist/cli/warm-cache.js

# The same node_modules without the development dependencies: nothing is compiled a second time.
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/better-sqlite3/build/Release/obj* \
           node_modules/better-sqlite3/build/Release/test_extension.node node_modules/better-sqlite3/build/Release/*.a

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: it forwards SIGTERM to node and reaps zombies, and a signal during start-up (before the bot's own
# handlers are installed) still stops it, which node as PID 1 would ignore.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    STEVEDORE_NO_CONSOLE=1 \
    DATABASE_PATH=/data/stevedore.db
# The SQLite database lives in a volume owned by the unprivileged user the base image provides (node, uid 1000).
RUN mkdir /data && chown node:node /data
VOLUME /data
WORKDIR /app
# From the least to the most often changed, so a change to the code rebuilds only the last layer.
COPY --from=prod-deps /app/node_modules/ node_modules/
# package.json says "type": "module", which makes Node load dist/ as ES modules.
COPY package.json ./
COPY knowledge/ knowledge/
COPY docker-cli/ docker-cli/
COPY --from=build /app/dist/ dist/
# The cache warmed above, at CACHE_DIR's default under WORKDIR. Owned by root, so read-only to the bot: a
# KNOWLEDGE_DIR of other topics misses it, parses them, and leaves it as it is.
COPY --from=build /app/.cache/stevedore/ .cache/stevedore/
USER node
STOPSIGNAL SIGTERM
# With HEALTH_PORT set (compose.yaml sets it), asks GET /health; without, checks the bot's process is running. docs/deployment.md.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/cli/health-check.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
