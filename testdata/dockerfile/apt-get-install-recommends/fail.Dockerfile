FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get update \
    && apt-get -y install \
        ca-certificates \
        git
RUN sudo /usr/bin/apt-get install -y curl
RUN apt install -y curl
ONBUILD RUN apt-get install -y curl
run apt-get install -y curl
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
# `--no-install-suggests` is a different switch.
RUN apt-get install -y --no-install-suggests curl
