FROM rockylinux:9
RUN yum install -y httpd && yum clean all
RUN dnf -y install \
        git \
        make \
    && dnf -y update \
    && dnf clean all \
    && rm -rf /var/cache/dnf
RUN dnf install -y vim && rm -rf /var/cache/dnf/*
RUN dnf install -y gcc && rm -rf /var/cache/libdnf5*
RUN yum install -y tar && rm -rf /var/cache/yum
RUN sudo /usr/bin/dnf install -y gcc && rm -rf /var/cache/yum/*
RUN dnf install -y jq; rm -rf /var/cache/*
ONBUILD RUN dnf install -y file && dnf clean all
RUN <<EOF
dnf install -y less
dnf clean all
EOF
# Not installs.
RUN dnf remove -y vim && dnf config-manager --set-enabled crb && yum repolist
RUN ["dnf", "install", "-y", "git"]
RUN dnf install -y unzip && sh -c 'dnf clean all'
