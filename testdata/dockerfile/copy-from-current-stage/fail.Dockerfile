FROM golang:1.23 AS build
RUN go build -o /out/app .
copy --from=Build /out/app /usr/local/bin/app
RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt

FROM alpine:3.20
COPY --from=1 /etc/os-release /tmp/
