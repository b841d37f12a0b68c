FROM debian:bookworm AS base
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assume-yes
FROM base
RUN apt-get update && apt-get install curl
