FROM debian:12
RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
RUN set -eux; \
    wget -qO- https://example.com/key.asc \
      | gpg --dearmor > /usr/share/keyrings/example.gpg
RUN curl -fsSL https://example.com/a | tar -xz && set -o pipefail && curl -fsSL https://example.com/b | tar -xz
RUN set -o pipefail && set +o pipefail && cat /etc/os-release |& grep -q bookworm
run ls /opt | sort > /tmp/list
ONBUILD RUN find /src -name '*.o' | xargs rm -f
RUN <<EOF
set -e
curl -fsSL https://example.com/c | sh -s -- install
EOF
RUN bash <<EOF
curl -fsSL https://example.com/d | tar -xz
EOF
RUN <<EOF
#!/bin/bash
grep -r TODO /src | wc -l
EOF

FROM debian:12 AS second
SHELL ["/bin/bash", "-c"]
RUN dpkg -l | grep -q curl
RUN echo "key" | gpg --import | tee /tmp/gpg.log
