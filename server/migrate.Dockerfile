# syntax=docker/dockerfile:1
# The migration image, run as a Kubernetes Job before each rollout (k8s/base/migrate-job.yaml):
# applies pending migrations as the owner role (MIGRATION_DATABASE_URL), seeds an empty database when
# RENDA_SEED=true, and fails while production has active demo accounts.
#   docker build -f server/migrate.Dockerfile -t REGISTRY/renda/migrate:VERSION .
# Same base, user and dependency rules as server/Dockerfile; no dashboard.

ARG NODE_IMAGE=node:22.23.3-bookworm-slim

# 0. Every workspace's package.json and the lockfile, and nothing else: the `npm ci` layers below are
#    rebuilt only when these change (and a new workspace needs no change here).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests && cp package-lock.json /manifests/ \
 && find . -maxdepth 2 -name package.json -not -path './node_modules/*' -exec cp --parents {} /manifests/ \;

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build --workspace seeds && npm run build --workspace server

FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --omit=optional --workspace server --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS migrate
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/lerna.json ./
COPY --from=build /app/seeds/package.json ./seeds/
COPY --from=build /app/seeds/dist ./seeds/dist
COPY --from=build /app/server/package.json ./server/
COPY --from=build /app/server/dist ./server/dist
USER 1000:1000
CMD ["node", "server/dist/cli/migrate-command.js"]
