# syntax=docker/dockerfile:1
# A comment is no instruction.
ARG BASE=alpine:3.20
ENV APP_HOME=/app
label org.opencontainers.image.title=demo
RUN echo too early
FROM ${BASE}
RUN echo fine
