FROM debian:bookworm
# The update is cached as its own layer: a later build installs from a stale index.
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
RUN sudo /usr/bin/apt-get -qq update && echo done
RUN apt update
RUN add-apt-repository -y ppa:deadsnakes/ppa && apt-get update
# The install comes before the second update, which nothing uses.
RUN apt-get update && apt-get install -y git && apt-get update
ONBUILD RUN apt-get update
run apt-get update
RUN <<EOF
apt-get update
echo nothing installed
EOF
