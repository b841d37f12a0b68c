FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk --no-cache add git
RUN apk add -U --no-cache --virtual .build-deps gcc
# Packages already installed: nothing is downloaded, so nothing is cached.
RUN apk add --no-network --virtual .rundeps $runDeps
RUN --mount=type=cache,target=/var/cache/apk apk add bash
RUN --mount=type=cache,target=/etc/apk/cache apk add make
RUN --mount=type=tmpfs,target=/var/cache apk add jq
RUN apk update && apk add python3 && rm -rf /var/cache/apk/*
RUN apk add py3-pip \
 && rm -rf /var/cache/* /tmp/*
# Other apk commands and look-alikes.
RUN apk del curl && apk info && echo apk add
RUN apk $APK_COMMAND curl
RUN ["apk", "add", "exec-form-is-not-judged"]
# apk's cache pointed at a cache mount.
RUN --mount=type=cache,target=/pkg-cache \
    ln -s /pkg-cache /etc/apk/cache && \
    apk add bash vim
