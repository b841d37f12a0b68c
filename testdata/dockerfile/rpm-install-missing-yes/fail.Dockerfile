FROM rockylinux:9
RUN yum install httpd && yum clean all
RUN yum groupinstall "Development Tools"
RUN yum localinstall /tmp/tool.rpm
RUN dnf --setopt=install_weak_deps=False install \
        git \
        make \
    && dnf clean all
RUN dnf group install "Development Tools"
RUN dnf module enable nodejs:20
RUN dnf remove vim && dnf upgrade
# `-q` is not `-y`, and `--assumeno` answers no.
RUN dnf -q install tar
RUN dnf install --assumeno tar
RUN sudo /usr/bin/dnf install gcc
RUN tdnf install git
ONBUILD RUN dnf install jq
run dnf install file
RUN <<EOF
dnf install less
dnf clean all
EOF
