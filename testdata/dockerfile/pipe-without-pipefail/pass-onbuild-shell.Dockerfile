FROM debian:12
# ONBUILD triggers run in the child build with the shell this image ends with.
ONBUILD RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# A plain heredoc body runs in the SHELL too.
RUN <<EOF
curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
EOF
