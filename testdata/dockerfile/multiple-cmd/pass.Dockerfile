FROM alpine:3.20 AS base
CMD ["sh"]
ONBUILD CMD ["child-default"]

FROM base AS app
# A stage may replace the CMD it inherits.
CMD ["/app"]

FROM alpine:3.20
HEALTHCHECK CMD ["true"]
CMD ["/app"]
