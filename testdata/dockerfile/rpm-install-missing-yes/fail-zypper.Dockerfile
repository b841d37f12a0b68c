FROM opensuse/leap:15.6
RUN zypper install curl
RUN zypper in git && zypper clean
RUN zypper refresh && zypper remove vim && zypper patch
# After the command, `-n` is `--name`, not `--non-interactive`.
RUN zypper install -n tar
RUN zypper --gpg-auto-import-keys dup
