FROM debian:bookworm AS base
# The final stage builds on `base`, so this layer is part of the image.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates

FROM golang:1.22 AS build
RUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler
RUN go build -o /app .

FROM base
COPY --from=build /app /app
RUN apt-get update && apt-get install -y --no-install-recommends tzdata
