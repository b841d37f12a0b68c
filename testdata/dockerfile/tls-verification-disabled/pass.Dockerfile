FROM node:22
# Values that keep verification on, unset ARGs, variables and look-alikes.
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 NPM_CONFIG_STRICT_SSL=true
ARG GIT_SSL_NO_VERIFY
ARG NODE_TLS_REJECT_UNAUTHORIZED=${TLS_REJECT}
ENV PIP_TRUSTED_HOST="" GOINSECURE=
ENV node_tls_reject_unauthorized=0
RUN curl -fsSL -o upstream-KEYS https://example.com/KEYS && curl -K /etc/curlrc -sS https://example.com
RUN curl -H "X-k: -k" -fsSLo /x https://example.com/x && curl -d -k https://example.com/form
RUN wget -qO- https://example.com | tar -x && echo "--no-check-certificate"
RUN pip install --index-url https://pypi.example.com/simple --cert /etc/ssl/ca.pem requests
RUN npm config set strict-ssl true && npm config get strict-ssl && npm config set cafile /etc/ssl/ca.pem
RUN git config --global http.sslVerify true && git config --global http.sslCAInfo /etc/ssl/ca.pem
RUN dnf install -y --setopt=sslverify=1 git && echo NODE_TLS_REJECT_UNAUTHORIZED=0
HEALTHCHECK CMD curl -k -fsS https://localhost:8443/health || exit 1
