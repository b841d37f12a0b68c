FROM alpine:3.20
RUN apk update && apk add curl
RUN apk --update add git
RUN apk add --update-cache vim
RUN apk update && apk upgrade
FROM rockylinux:9
RUN dnf makecache && dnf install -y git
# `yum update` upgrades the installed packages itself.
RUN yum update -y
RUN yum makecache && yum -y update
RUN microdnf makecache && microdnf install -y tar
FROM opensuse/leap:15.6
RUN zypper --non-interactive refresh && zypper --non-interactive install curl
RUN zypper ref && zypper -n up
FROM photon:5.0
RUN tdnf makecache && tdnf install -y git
RUN dnf makecache && dnf clean all
RUN zypper ref && zypper clean -a
