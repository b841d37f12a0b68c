FROM debian:12 AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
ONBUILD RUN curl -fsSL https://example.com/b | tar -xz

# SHELL is inherited by stages built on this one.
FROM build AS child
RUN wget -qO- https://example.com/key.asc | gpg --dearmor > /usr/share/keyrings/example.gpg

FROM debian:12
# `set -o pipefail` earlier in the same script, in any spelling.
RUN set -o pipefail && curl -fsSL https://example.com/a | tar -xz
RUN set -euxo pipefail; curl -fsSL https://example.com/a | tar -xz
RUN set -o errexit -o pipefail && ls /opt | sort
# Sources that cannot fail.
RUN echo "$SHA256  app.tgz" | sha256sum -c - && printf '%s\n' a b | sort && yes | apt-get install -y foo
RUN cat <<EOF | tee /etc/app.conf
key=value
EOF
# No pipe, or a pipe inside a string or a comment.
RUN grep "a|b" /etc/hosts || true && sh -c "curl -fsSL https://example.com | tar -x"
RUN ["/bin/sh", "-c", "curl -fsSL https://example.com | tar -x"]
RUN <<EOF
#!/bin/bash
set -o pipefail
grep -r TODO /src | wc -l
EOF
RUN bash -o pipefail <<EOF
curl -fsSL https://example.com/d | tar -xz
EOF
RUN <<EOF
#!/usr/bin/env -S bash -euo pipefail
curl -fsSL https://example.com/e | tar -xz
EOF

FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN dir C:\ | findstr Windows

FROM ubuntu:24.04
SHELL ["powershell", "-Command"]
RUN Get-ChildItem | Select-Object Name
