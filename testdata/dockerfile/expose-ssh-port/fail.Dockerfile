FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
EXPOSE 22
expose 80 22/tcp
EXPOSE 8080 \
    22/TCP
