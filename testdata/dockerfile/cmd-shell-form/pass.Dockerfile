FROM alpine:3.20 AS base
RUN apk add --no-cache bash
SHELL ["/bin/bash", "-c"]
CMD echo "bash runs this on purpose"

FROM base AS app
ENTRYPOINT /app start

FROM alpine:3.20
CMD ["/app", "start"]
ENTRYPOINT ["/sbin/tini", "--"]
HEALTHCHECK CMD wget -qO- http://localhost/ || exit 1
ONBUILD CMD /child start
