FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get -y install curl
RUN apt-get install --yes curl
RUN apt-get install --assume-yes curl
RUN apt-get install -qy curl
RUN apt-get install -yq curl
RUN apt-get install -qq curl
RUN apt-get install -q -q curl
RUN apt-get install -q=2 curl
RUN apt-get install --quiet --quiet curl
RUN apt-get install --quiet=2 curl
RUN apt-get install curl -y
RUN apt-get install -o APT::Get::Assume-Yes=true curl
# Simulations never ask.
RUN apt-get install -s curl && apt-get --dry-run remove curl && apt-get install --print-uris curl
RUN sudo apt-get -y install curl
RUN apt-get install \
    -y \
    curl
# Commands that never ask.
RUN apt-get update && apt-get clean && apt-get source hello && apt-get download curl
RUN apt-cache policy curl && apt-mark hold curl
# An exec-form RUN has no shell to judge.
RUN ["apt-get", "install", "curl"]
RUN xargs -r apt-get install -y < /packages.txt && xx-apt-get install -y gcc
