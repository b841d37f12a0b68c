FROM alpine:3.20 AS base
RUN apk info | grep -q curl
SHELL ["/bin/ash", "-o", "pipefail", "-c"]
RUN apk info | grep -q curl

# A new stage from an image starts with the default shell again.
FROM alpine:3.20
RUN apk info | grep -q curl
