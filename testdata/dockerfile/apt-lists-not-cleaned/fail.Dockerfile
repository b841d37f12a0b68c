FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
    && apt-get clean
# The lists are removed before the last update, which writes them again.
RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y vim
RUN sudo /usr/bin/apt-get -qq update && apt-get install -y make
RUN apt update && apt install -y gcc
RUN aptitude update && aptitude install -y wget
ONBUILD RUN apt-get update && apt-get install -y jq
run apt-get update && apt-get install -y file
RUN <<EOF
apt-get update
apt-get install -y less
EOF
# A bind mount keeps nothing out of the layer.
RUN --mount=type=bind,target=/var/lib/apt/lists apt-get update && apt-get install -y tree
# A removal whose path is a variable is not taken as the clean-up.
RUN apt-get update && apt-get install -y gnupg && rm -rf "$GNUPGHOME"
