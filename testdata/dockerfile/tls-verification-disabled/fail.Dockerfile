FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
ENV PYTHONHTTPSVERIFY 0
ARG GIT_SSL_NO_VERIFY=true
ENV npm_config_strict_ssl=false PIP_TRUSTED_HOST="pypi.org files.pythonhosted.org"
ONBUILD ENV GOINSECURE=example.com/*
RUN curl -fsSLk https://example.com/a -o /a && curl --insecure -o /b https://example.com/b
RUN /usr/bin/curl -sS --proxy-insecure -x http://proxy:3128 https://example.com/c
RUN wget --no-check-certificate -qO /d https://example.com/d
RUN pip install --trusted-host pypi.org requests && \
    pip3 install --trusted-host=files.pythonhosted.org flask && \
    python3 -m pip install --trusted-host pypi.org django
RUN pip config set global.trusted-host pypi.org
RUN npm config set strict-ssl false && yarn config set strict-ssl false && npm set strict-ssl=false
RUN npm install --no-strict-ssl && yarn config set enableStrictSsl false
RUN git config --global http.sslVerify false && git -c http.sslverify=false clone https://example.com/r.git
RUN git config --system http.https://git.example.com/.sslVerify 0
RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1 && env PYTHONHTTPSVERIFY=0 python x.py
RUN dnf config-manager --save --setopt=sslverify=false && yum install -y --setopt=epel.sslverify=0 git
RUN uv pip install --allow-insecure-host pypi.org httpx
RUN <<EOF
set -e
curl -k https://example.com/e
EOF
