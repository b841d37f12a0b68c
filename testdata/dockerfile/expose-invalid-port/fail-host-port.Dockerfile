FROM alpine:3.20
# EXPOSE cannot publish a host port: BuildKit ignores the host part.
EXPOSE 8080:80
EXPOSE 127.0.0.1:5432:5432/tcp
