FROM rockylinux:9
RUN yum install -y httpd
RUN dnf -y install \
        git \
        make \
    && dnf -y update
# The clean-up runs before the last install.
RUN dnf clean all && dnf install -y vim
# `clean packages` keeps the repository metadata.
RUN yum install -y tar && yum clean packages
ONBUILD RUN dnf install -y jq
run dnf install -y file
RUN <<EOF
dnf install -y less
echo done
EOF
