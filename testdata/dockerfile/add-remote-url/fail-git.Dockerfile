FROM alpine:3.20
ADD https://github.com/moby/buildkit.git#v0.14.1 /buildkit
ADD git@github.com:acme/lib.git /src/lib
ADD https://github.com/acme/app.git#main:docs /docs
ADD https://github.com/acme/app.git?ref=release /app
ARG RUNC_VERSION=v1.1.12
ADD --keep-git-dir=true "https://github.com/opencontainers/runc.git#$RUNC_VERSION" /runc
