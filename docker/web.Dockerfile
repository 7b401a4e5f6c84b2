# The web image: nginx serving the built admin and proxying /api and
# /__transmit (SSE) to the api service. Build context: the repository root.
#
#   docker build -f docker/web.Dockerfile -t mission-control-web .

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
# The whole source: the admin imports the host's enums (backend/enums), finds the
# plugins' screens (plugins/*/admin) at build time and records them (scripts/).
COPY . .
RUN npm run build:admin

FROM nginx:1.27-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/admin/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
