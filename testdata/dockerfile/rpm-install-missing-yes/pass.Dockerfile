FROM rockylinux:9
RUN yum install -y httpd && yum clean all
RUN yum -y groupinstall "Development Tools"
RUN yum localinstall --assumeyes /tmp/tool.rpm
RUN dnf --setopt=install_weak_deps=False install -y \
        git \
        make \
    && dnf clean all
RUN dnf group install -y "Development Tools"
RUN dnf -y module enable nodejs:20
RUN dnf -qy install tar && dnf install tar -y
RUN dnf --setopt=assumeyes=True install gcc
RUN sudo /usr/bin/dnf -y install file
RUN tdnf install -y git
# microdnf never asks (the `-y` it accepts does nothing).
RUN microdnf install tar && microdnf update
# Commands that never ask.
RUN dnf clean all && dnf makecache && yum repolist && dnf config-manager --set-enabled crb
RUN dnf list installed && dnf info git && yum search vim
RUN ["dnf", "install", "git"]
