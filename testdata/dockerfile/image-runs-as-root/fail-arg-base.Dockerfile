ARG BASE=ubuntu:24.04
FROM --platform=$BUILDPLATFORM ${BASE}
RUN apt-get update
