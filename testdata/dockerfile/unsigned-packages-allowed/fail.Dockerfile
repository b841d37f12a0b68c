FROM debian:12
RUN apt-get update && apt-get install -y --allow-unauthenticated curl
RUN apt-get install -y --force-yes \
    ca-certificates
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y vim && \
    apt-get update -oAcquire::AllowInsecureRepositories=1 && \
    apt-get --option=APT::Get::AllowUnauthenticated=yes install -y less
RUN sudo /usr/bin/apt-get update --allow-insecure-repositories
RUN echo "deb [trusted=yes] http://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list
RUN echo "deb [ arch=amd64 trusted=yes ] https://repo.example.com/ stable main" >> /etc/apt/sources.list
RUN echo 'deb [allow-insecure=yes] http://old.example.com/ jessie main' > /etc/apt/sources.list.d/old.list
ONBUILD RUN aptitude install -y --allow-untrusted foo

FROM alpine:3.20
RUN apk add --no-cache --allow-untrusted --repository http://dl-3.alpinelinux.org/alpine/edge/community/ runit
RUN apk --allow-untrusted add curl

FROM rockylinux:9
RUN dnf install -y --nogpgcheck python3 && yum --nogpgcheck -y install git
RUN microdnf install -y --setopt=gpgcheck=0 tar && dnf --setopt fedora.gpgcheck=False install -y x && \
    yum-config-manager --save --setopt=epel.gpgcheck=false
RUN rpm -i --nodigest --nosignature python3.rpm && rpm -Uvh --nofiledigest --noverify x.rpm
RUN zypper --no-gpg-checks install -y git
RUN <<EOF
set -e
tdnf install -y --nogpgcheck make
EOF
