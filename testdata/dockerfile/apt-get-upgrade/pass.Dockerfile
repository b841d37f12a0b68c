FROM debian:bookworm
# Upgrading one named package to a pinned version is not a blanket upgrade.
RUN apt-get update && apt-get install -y --only-upgrade openssl=3.0.15-1~deb12u1
RUN apt-get update && apt-get install -y curl
RUN pip install --upgrade pip
RUN ["apt-get", "upgrade", "-y"]
