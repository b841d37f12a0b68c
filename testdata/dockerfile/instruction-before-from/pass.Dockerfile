# syntax=docker/dockerfile:1
# escape=\

# Global build arguments.
ARG VERSION=3.20
ARG REGISTRY

FROM alpine:${VERSION}
ENV A=1
