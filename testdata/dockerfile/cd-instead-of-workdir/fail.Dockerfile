FROM node:22
RUN cd /usr/src/app && npm ci && npm run build
RUN set -eux; \
    cd /opt/service; \
    ./configure && make
run cd frontend && npm ci && cd admin && npm ci
ONBUILD RUN cd /src && make
RUN <<EOF
cd /srv/app
npm ci
EOF
