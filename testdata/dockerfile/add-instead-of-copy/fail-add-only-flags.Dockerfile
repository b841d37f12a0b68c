FROM alpine:3.20
# `--unpack=false` keeps the archive as a file: COPY does the same, but the flag must go too.
ADD --unpack=false release.tar.gz /downloads/
ADD --keep-git-dir=true ./local-dir /src/
