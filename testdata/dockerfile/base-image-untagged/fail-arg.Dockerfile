ARG BASE=debian
ARG REGISTRY=registry.example.com
FROM ${BASE}
FROM $REGISTRY/app AS app
