FROM debian:12
RUN useradd -u 100000 app
RUN groupadd -g 200000 svc && \
    useradd --system --gid svc --uid=200000 --home-dir /srv svc
RUN useradd -mu 1000000 -s /bin/bash big
RUN /usr/sbin/useradd -r -g mysql mysql --uid "123456"
ONBUILD RUN useradd -u123456 child
run sudo useradd --uid 654321 viasudo
RUN <<EOF
set -e
useradd -u 999999 heredoc
EOF
