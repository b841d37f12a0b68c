FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get --no-install-recommends install -y curl
RUN apt-get install -y curl --no-install-recommends
RUN apt-get install -y -o APT::Install-Recommends=false curl
RUN apt-get install -y -o apt::install-recommends=0 curl
# Asking for recommended packages explicitly is a choice.
RUN apt-get install -y --install-recommends ubuntu-desktop
RUN apt-get install -y -o APT::Install-Recommends=true curl
# Not installs.
RUN apt-get remove -y curl && apt-get upgrade -y && apt-get build-dep -y hello
RUN ["apt-get", "install", "-y", "curl"]
RUN apt-get install -s curl && apt-get install --simulate wget
