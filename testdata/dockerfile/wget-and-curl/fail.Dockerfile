FROM debian:12 AS build
RUN wget -qO /tmp/a.tgz https://example.com/a.tgz
RUN apt-get update && \
    /usr/bin/curl -fsSLo /tmp/b.tgz https://example.com/b.tgz && \
    curl -fsSLo /tmp/c.tgz https://example.com/c.tgz

FROM alpine:3.20
RUN curl -fsSL https://example.com/x | tar -xz
ONBUILD RUN sudo wget -q https://example.com/y
