FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get upgrade -y
RUN apt-get update && apt-get dist-upgrade -y
RUN apt-get update && apt-get build-dep -y hello
RUN apt-get update; apt-get source hello
RUN apt update && apt install -y vim
RUN apt-get update && xargs echo && apt-get -y install make
ONBUILD RUN apt-get update && apt-get install -y jq
RUN <<EOF
apt-get update
apt-get install -y less
EOF
# Not index refreshes.
RUN apt-get install -y tree && apt-get clean
RUN pip install --upgrade pip && npm update && gem update --system
RUN ["apt-get", "update"]
# Code this rule cannot see may install: a script, piped input, a variable program.
RUN apt-get update && bash /tmp/library-scripts/common-debian.sh "${USERNAME}"
RUN apt-get update && ./install-deps.sh
RUN apt-get update && curl -fsSL https://example.com/setup.sh | sh -
RUN apt-get update && $PACKAGE_MANAGER install -y curl
# `xargs` runs the install; xx-apt-get is tonistiigi/xx's cross-compiling apt-get.
RUN apt-get update && xargs -rt apt-get install -y --no-install-recommends < /deps.txt
RUN apt-get update && xx-apt-get install -y --no-install-recommends gcc
# The index is removed again: nothing stale stays in the layer.
RUN apt-get update && apt-get purge -y imagemagick && rm -rf /var/lib/apt/lists/*
RUN apt-get update; apt-get dist-clean
