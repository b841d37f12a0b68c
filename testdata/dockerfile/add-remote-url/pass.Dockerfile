FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/linux-0.01.tar.gz /
ADD --checksum=be1f38e https://github.com/moby/buildkit.git#v0.26.2 /buildkit
ADD https://github.com/moby/buildkit.git#2f3a7a8b2c4d5e6f708192a3b4c5d6e7f8091a2b /buildkit
ADD https://github.com/acme/app.git?ref=v1&checksum=be1f38e /app
# A variable's value is unknown; a commit may be in it.
ADD ${TOOL_URL} /usr/local/bin/tool
ADD https://github.com/acme/app.git#${APP_COMMIT} /app
ADD local.txt /srv/
COPY https-notes.txt /srv/
ARG TINI_COMMIT=de40ad007797e0dcd8b7126f27bb87401d224240
ADD https://github.com/krallin/tini.git?ref=${TINI_COMMIT} /tini
