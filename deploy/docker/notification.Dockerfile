# syntax=docker/dockerfile:1.7
# The notification service. Every deploy/docker/<service>.Dockerfile is this file with SERVICE,
# the port and the CMD changed (the gateway's also builds the console); the chart test in
# charts/soraaya/test checks they stay in step. Build from the repository root:
#   docker build -f deploy/docker/notification.Dockerfile -t soraaya/notification .
ARG NODE_IMAGE=node:22-bookworm-slim

# --- manifests: only package.json files and the lock, so `npm ci` stays cached until a dependency changes
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out && cp package.json package-lock.json /out/ \
 && find libs services -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /out/ \;

# --- build: all dependencies (esbuild, tsx), then one bundle: dist/notification/main.js (scripts/build-services.ts)
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY libs libs
COPY services services
COPY scripts/build-services.ts scripts/
ARG SERVICE=notification
RUN npx tsx scripts/build-services.ts ${SERVICE}

# --- prod-deps: what the bundle requires at run time (it keeps node_modules packages external).
# Every workspace's production dependencies: a service may import a package another workspace
# declares (the dialer uses twilio and @vapi-ai/server-sdk, declared by the gateway). No production
# dependency has an install script, so --ignore-scripts only keeps dev tooling out.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@soraaya node_modules/.bin

# --- runtime: the bundle and production node_modules only, as uid 10001, read-only root file system
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE=notification
# The services are tuned for a 160 MB old space; /tmp is the only writable path (an emptyDir in the chart).
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=160 --enable-source-maps" \
    HTTP_HOST=0.0.0.0 \
    HOST=0.0.0.0 \
    TMPDIR=/tmp \
    SERVICE=${SERVICE}
WORKDIR /app
RUN groupadd --system --gid 10001 soraaya \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin soraaya
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/${SERVICE} ./dist/${SERVICE}
USER 10001:10001
EXPOSE 3105
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||3105)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migration Jobs run: node dist/notification/main.js migrate (its migrate-only command)
CMD ["node", "dist/notification/main.js"]
