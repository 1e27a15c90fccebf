# The explorer's image for docker-compose.yml. It never provisions Neo4j itself: compose sets NEO4J_URI to
# its neo4j service.
#
# Two stages. `build` installs every dependency and builds the client (Vite). The final stage holds only
# what the server runs: production dependencies (`npm ci --omit=dev`: no Vite, Vitest, Playwright or type
# packages), the built client and the server's TypeScript sources, which tsx (a production dependency)
# compiles as it loads them: the server imports the seed and the Neo4j helpers by paths relative to their
# sources, and one module graph serves `npm start`, the tests and the image alike. It runs as the
# unprivileged `node` user, with a HEALTHCHECK on liveness.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/client ./dist/client
COPY tsconfig.json ./
COPY server ./server
COPY seed ./seed
COPY scripts/neo4j ./scripts/neo4j
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm run start:prod`, without npm in between, so SIGTERM reaches the server.
CMD ["node", "--import", "tsx", "server/src/main.ts"]
