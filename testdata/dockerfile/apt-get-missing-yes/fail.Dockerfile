FROM debian:bookworm
ENV DEBIAN_FRONTEND=noninteractive
# DEBIAN_FRONTEND silences debconf, not apt's own prompt.
RUN apt-get update && apt-get install --no-install-recommends curl
RUN apt-get update \
    && apt-get install \
        --no-install-recommends \
        ca-certificates \
        git
# One -q is quiet level 1, which does not imply -y.
RUN apt-get -q install curl
RUN apt-get remove --purge curl && apt-get autoremove
RUN apt-get dist-upgrade
RUN apt install curl
