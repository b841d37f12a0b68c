FROM alpine:3.20 AS base
USER 0:0

# Inherits `USER 0:0` from `base`.
FROM base
RUN id
