FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-cache policy curl && apt-mark hold curl && apt-key list && apt-config dump
RUN echo apt install curl && ls /etc/apt
# Exec form has no shell to judge.
RUN ["apt", "install", "-y", "curl"]
