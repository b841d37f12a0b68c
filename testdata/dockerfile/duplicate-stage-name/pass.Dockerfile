FROM golang:1.23 AS build
FROM build AS test
FROM --platform=$BUILDPLATFORM alpine:3.20 AS runtime
COPY --from=build /out /out
FROM golang:1.23 AS golang
FROM runtime
