# syntax=docker/dockerfile:1
# A fragment without FROM: every RUN is in the (only) stage.
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y git
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y make
RUN --mount=type=tmpfs,target=/var/cache dnf install -y vim
RUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl
