FROM golang:1.23 AS build
WORKDIR /src
# Relative to /src, set above.
WORKDIR cmd/server

FROM build AS test
# Inherits /src/cmd/server from `build`.
WORKDIR testdata

FROM scratch AS empty
# scratch works in `/`, which no upstream change can move.
WORKDIR data

FROM alpine:3.20
WORKDIR $HOME
WORKDIR ${APP_DIR:-/app}
ONBUILD WORKDIR plugins
FROM alpine:3.20 AS win
WORKDIR C:\\app
FROM alpine:3.20 AS win2
WORKDIR c:/app
FROM alpine:3.20 AS quoted
WORKDIR "/srv/my app"
