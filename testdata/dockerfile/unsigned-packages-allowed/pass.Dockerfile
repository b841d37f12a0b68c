FROM debian:12
# Local repositories built in the same RUN, variables and look-alikes.
RUN tempDir="$(mktemp -d)" && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list
RUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://repo.example.com stable main" > /etc/apt/sources.list.d/x.list
RUN echo "deb [trusted=yes] $MIRROR stable main" > /etc/apt/sources.list.d/m.list
RUN apt-get install -y --allow-downgrades -o APT::Get::AllowUnauthenticated=false curl
RUN apt-get -o Acquire::Retries=3 update && apt-get install -y --no-install-recommends curl
RUN echo "--allow-unauthenticated" && pip install --no-deps foo

FROM alpine:3.20
RUN apk index --allow-untrusted -o /tmp/pkgs/APKINDEX.tar.gz /tmp/pkgs/*.apk
RUN apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-njs-1.27.0-r1.apk

FROM rockylinux:9
RUN dnf install -y --setopt=install_weak_deps=False --setopt=repo_gpgcheck=0 --setopt localpkg_gpgcheck=0 python3
RUN rpm --import https://example.com/RPM-GPG-KEY && rpm -K x.rpm && yum install -y x
