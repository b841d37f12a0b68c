FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl
RUN zypper -n in git && zypper clean
RUN zypper install -y tar && zypper in --no-confirm vim
RUN zypper -qn install make
RUN zypper install --non-interactive gcc
RUN zypper refresh && zypper lr && zypper search curl
