# The API image: the compiled AdonisJS server, which also serves the built
# admin (admin/dist) on the same port. Build context: the repository root.
#
#   docker build -f docker/api.Dockerfile -t mission-control-api .

ARG NODE_IMAGE=node:20-slim

# 1. Every dependency, dev included (TypeScript, the assembler, Vite).
#    Install scripts are skipped: only embedded-postgres has one, and the
#    container uses the postgres service instead.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# 2. Compile the server (`node ace build` writes build/ with bin/server.js,
#    ace.js, package.json and package-lock.json) and build the admin.
FROM deps AS build
ENV NODE_ENV=production
COPY . .
RUN node ace build \
 && npm run build:admin \
 && mkdir -p build/admin \
 && cp -r admin/dist build/admin/dist

# 3. Runtime: production dependencies of the built app only.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/build ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force \
 && mkdir -p /app/data \
 && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations first (idempotent), then the server. The server would also run
# them on start (MIGRATE_ON_START); doing it here makes a failure explicit.
CMD ["sh", "-c", "node ace migration:run --force && exec node bin/server.js"]
