FROM ubuntu:24.04
RUN sudo apt-get install curl
RUN /usr/bin/apt-get install curl
run apt-get install curl
ONBUILD RUN apt-get install curl
RUN <<EOF
set -e
apt-get update
apt-get install curl
EOF
RUN apt-get -o Dpkg::Options::=--force-confnew install curl
RUN DEBIAN_FRONTEND=noninteractive apt-get install curl
# xargs gives the command no terminal either.
RUN xargs -rt apt-get install --no-install-recommends < /packages.txt
RUN xx-apt-get install --no-install-recommends gcc
