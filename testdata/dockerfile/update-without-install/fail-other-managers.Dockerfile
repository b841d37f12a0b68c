FROM alpine:3.20
RUN apk update
RUN apk add --no-cache curl
FROM rockylinux:9
RUN dnf makecache
RUN yum makecache fast && yum -y check-update || true
RUN microdnf makecache
FROM opensuse/leap:15.6
RUN zypper --non-interactive refresh
RUN zypper ref && echo refreshed
FROM photon:5.0
RUN tdnf makecache
# An apt index is no use to apk.
FROM alpine:3.20
RUN apt-get update && apk add curl
