FROM alpine:3.20
RUN apk add --no-cache curl=8.5.0-r0 git~2.45 "python3>3.11" 'openssl<3.4' 'nodejs>=20'
RUN apk add --no-cache --virtual .build-deps -t .other gcc=13.2.1_git20240309-r0
RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing hub=2.14.2-r26
RUN apk add --allow-untrusted /tmp/local-package.apk ./other.apk
RUN apk add --no-cache $RUN_DEPS "${BUILD_DEPS}" "$(cat /deps.txt)"
RUN apk add --no-cache git@edge=2.47.0-r0 '!busybox-extras'
RUN apk add --no-cache --virtual .only-a-virtual-name
RUN apk del curl && apk search git && echo apk add curl
