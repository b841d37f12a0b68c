FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates=20230311
RUN apt-get update \
    && apt-get install -y \
        git \
        "python3" \
        libc6:i386 \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get install -y -t bookworm-backports -o Dpkg::Options::=--force-confold golang
RUN sudo /usr/bin/apt-get install -y -- vim
RUN apt install -y jq
ONBUILD RUN apt-get install -y make
run apt-get install -y gcc
RUN <<EOF
apt-get update
apt-get install -y wget
EOF
