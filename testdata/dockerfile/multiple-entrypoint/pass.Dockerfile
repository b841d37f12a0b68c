FROM alpine:3.20 AS base
ENTRYPOINT ["/sbin/tini", "--"]
ONBUILD ENTRYPOINT ["/child"]
CMD ["sh"]

FROM base
ENTRYPOINT ["/app"]
