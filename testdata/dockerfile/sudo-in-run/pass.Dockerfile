FROM ubuntu:24.04
# `sudo` as a package or an argument is not a use of it.
RUN apt-get update && apt-get install -y --no-install-recommends sudo
RUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app && echo sudo
RUN usermod -aG sudo app && visudo -c
RUN $SUDO make install
RUN ["sudo", "true"]
USER app
