# The explorer's image for docker-compose.yml: builds the client, then serves it with the API.
# It never provisions Neo4j itself: compose sets NEO4J_URI to its neo4j service.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["npx", "tsx", "server/src/main.ts"]
