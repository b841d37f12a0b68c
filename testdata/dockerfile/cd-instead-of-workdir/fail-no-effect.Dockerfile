FROM node:22
RUN cd /app
RUN npm ci && cd /app/dist
RUN if [ -d /app/build ]; then cd /app/build; fi
