FROM node:22-slim
USER node
RUN npm ci
user root
CMD ["node", "server.js"]
