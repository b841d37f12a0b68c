FROM alpine:3.20
RUN apk add curl
RUN apk update && apk add --update \
        git \
        openssh-client
RUN sudo /sbin/apk --quiet add --virtual .build-deps gcc musl-dev
run apk -U add bash
ONBUILD RUN apk add make
RUN <<EOF
set -e
apk add --repository http://dl-cdn.alpinelinux.org/alpine/edge/community nodejs
EOF
# A cache mount elsewhere does not count.
RUN --mount=type=cache,target=/root/.cache apk add python3
# The index is removed only in a later RUN: this layer still has it.
RUN apk add jq
RUN rm -rf /var/cache/apk/*
# A link to a directory that is no mount keeps the cache in the layer.
RUN ln -s /pkg-cache /etc/apk/cache && apk add vim
