FROM debian:bookworm AS base
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assume-yes
FROM debian:bookworm
# This stage does not build on `base`, so its apt has no such setting.
RUN apt-get update && apt-get install curl
