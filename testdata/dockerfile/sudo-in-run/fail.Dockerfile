FROM ubuntu:24.04
RUN sudo apt-get update
RUN apt-get update && \
    sudo -E apt-get install -y --no-install-recommends curl
run /usr/bin/sudo -u postgres psql -c 'select 1'
RUN env DEBIAN_FRONTEND=noninteractive sudo apt-get upgrade -y
RUN sudo -l
ONBUILD RUN sudo make install
RUN <<EOF
set -e
sudo chown -R app /srv
EOF
