FROM debian:12
RUN curl -fsSL https://get.example.com | sh
RUN curl -fsSL https://get.example.com/install.sh | sudo -E bash -
RUN wget -qO- https://get.example.com | bash -s -- --version 1.2.3
RUN wget -O - https://get.example.com | sh && \
    wget --output-document=- https://get.example.com | /bin/sh -x
RUN curl -sSL https://get.example.com \
      | tee /tmp/install.log \
      | env DEBUG=1 zsh
RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin
RUN curl -fsSL https://bootstrap.pypa.io/get-pip.py | python3 - --no-cache-dir
RUN curl -fsSL https://example.com/setup.js | node
RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"
RUN bash -ec "$(wget -qO- https://get.example.com)" && bash <(curl -fsSL https://get.example.com)
RUN eval "$(curl -fsSL https://example.com/env.sh)" && . <(curl -fsSL https://example.com/lib.sh)
RUN python3 -c "$(curl -fsSL https://example.com/bootstrap.py)"
ONBUILD RUN curl -fsSL https://get.example.com | sh
RUN <<EOF
set -e
curl -fsSL https://get.example.com | sh
EOF
