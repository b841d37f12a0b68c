FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --no-cache --virtual .build-deps \
        gcc=13.2.1_git20240309-r0 \
        musl-dev \
        'libffi-dev'
RUN sudo apk --repository=http://dl-cdn.alpinelinux.org/alpine/edge/testing add --no-cache -t .x hub
run apk add -Ut .tools git@edge
ONBUILD RUN apk add --no-cache make
RUN <<EOF
apk add --no-cache cmd:bash so:libssl.so.3
EOF
# Unquoted, `>=20` is a shell redirection: apk sees only `nodejs`.
RUN apk add --no-cache nodejs>=20
