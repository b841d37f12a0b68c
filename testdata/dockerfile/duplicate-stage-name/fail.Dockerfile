FROM golang:1.23 AS build
RUN go build ./...

FROM --platform=$BUILDPLATFORM node:22 AS build
RUN npm ci

from alpine:3.20 as build
COPY --from=build /app /app
