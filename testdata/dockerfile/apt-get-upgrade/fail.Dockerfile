FROM debian:bookworm
RUN apt-get update && apt-get upgrade -y && apt-get install -y curl
RUN apt-get update \
    && apt-get -y dist-upgrade
RUN apt full-upgrade -y
RUN sudo /usr/bin/apt-get -qq upgrade
RUN aptitude safe-upgrade -y
ONBUILD RUN apt-get upgrade -y
run apt-get upgrade -y
RUN <<EOF
apt-get update
apt-get upgrade -y
EOF
# Naming packages still upgrades everything else.
RUN apt-get update && apt-get upgrade -y libssl3 libxml2
