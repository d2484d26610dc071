# The image of docker-compose.yml's web instances, workers and migrations (not built in CI:
# the project's own tests run without Docker). Node 20 on Debian 12, as the project's machines.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci
COPY . .
RUN npx next build
EXPOSE 3000
