FROM golang:1.23 AS builder
RUN go build -o /out/app .
FROM node:22 AS nodes

FROM alpine:3.20
# Images, not stages.
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
COPY --from=ghcr.io/org/tool /tool /tool
COPY --from=busybox /bin/busybox /busybox
COPY --from=node /usr/local/bin/node /usr/local/bin/
COPY --from=docker.io/library/alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000 /etc/alpine-release /
# A named build context (--build-context tools=...), far from every stage name.
COPY --from=tools /bin/tool /bin/
# Stages, by number and by name in any case.
COPY --from=0 /out/app /app
COPY --from=BUILDER /out/app /app
RUN --mount=type=bind,from=Builder,target=/b ls /b
# Variables are unknown at lint time; ONBUILD names the child build's stages.
ARG SRC=builder
COPY --from=${SRC} /out/app /app
ONBUILD COPY --from=buidler /out/app /app
