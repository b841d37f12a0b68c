FROM alpine:3.20
ADD https://example.com/tool-1.2.tar.gz /opt/
add --chmod=755 http://example.com/install.sh /usr/local/bin/
ADD ["https://example.com/a file.txt", "/srv/"]
ADD https://example.com/releases/v${VERSION}/tool /usr/local/bin/tool
ONBUILD ADD https://example.com/plugin.jar /plugins/
