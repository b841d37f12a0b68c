FROM alpine:3.20
# Archives to extract, URLs and Git repositories need ADD.
ADD rootfs.tar.gz /
ADD app-1.2.TGZ /opt/
ADD data.tar.zst /data/
ADD https://example.com/tool /usr/local/bin/tool
ADD git@github.com:acme/lib.git /src/lib
ADD notes.txt https://example.com/extra.txt /mixed/
# A variable may hold a URL or an archive name.
ADD ${DOWNLOAD_URL} /tmp/
ADD app-$VERSION /opt/
ADD --unpack=true bundle.tar /opt/
COPY requirements.txt /app/
