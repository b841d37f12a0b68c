ARG UNKNOWN
FROM python:3.12 AS build
FROM docker.io/library/alpine:3.20
FROM index.docker.io/library/debian:12
FROM registry.example.com/team/app:1
FROM eu.gcr.io/project/app:1
FROM localhost:5000/app:1
FROM bitnami/redis:7
FROM scratch
FROM build
FROM ${UNKNOWN}
COPY --from=build /app /app
COPY --from=0 /app /app
COPY --from=docker.io/library/busybox:1.36 /bin/busybox /bin/
RUN --mount=type=cache,target=/root/.cache pip install requests==2.32.3
RUN --mount=from=build,source=/app,target=/src true
# Behind ONBUILD a bare name may be a stage of the downstream build.
ONBUILD COPY --from=assets /assets /srv/assets
