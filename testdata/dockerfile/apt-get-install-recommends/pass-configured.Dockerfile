FROM debian:bookworm
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/00no-recommends
RUN apt-get update && apt-get install -y curl
