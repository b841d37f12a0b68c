FROM alpine:3.20 AS runtime
COPY --from=assets /dist /srv
COPY --from=2 /out /out

FROM node:22 AS assets
RUN npm run build

FROM golang:1.23
