FROM ubuntu:24.04
RUN apt update && apt install -y --no-install-recommends curl
RUN sudo /usr/bin/apt -y remove curl
RUN apt show curl
ONBUILD RUN apt install -y make
run apt install -y gcc
RUN <<EOF
apt update
apt install -y wget
EOF
# `apt upgrade` also installs new dependencies, as `apt-get upgrade --with-new-pkgs` does.
RUN apt upgrade -y
RUN apt full-upgrade -y
# No apt-get equivalent: reported without a fix.
RUN apt list --installed
