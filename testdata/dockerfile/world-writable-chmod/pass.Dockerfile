FROM debian:12
# Owner/group write, sticky shared directories, removals and unknown modes.
RUN chmod 755 /app && chmod -R 775 /srv && chmod 0644 /etc/app.conf && chmod 4755 /usr/bin/x
RUN chmod 1777 /tmp && chmod ugo+rwx,o+t /run/mariadb && chmod a+rwxt /scratch
RUN chmod +x /entrypoint.sh && chmod +w /app && chmod =rw /file && chmod g+w /srv
RUN chmod a+w,o-w /half && chmod o-w /secure && chmod -w /readonly && chmod go-w /x
RUN chmod "$MODE" /app && chmod ${MODE:-777} /app && chmod --reference=/etc/passwd /file
RUN mkdir -p /data && mkdir -m 755 /x && install -m 0755 tool /usr/local/bin/tool
RUN mkdir -m go-w /y && mkdir -m u=rwx,go=rx /z && install -m a=rx,u+w t /t
RUN install -o root -g root -m 0644 a /etc/a && mkdir -pZ -m 0700 /priv
RUN echo chmod 777 /app
COPY --chmod=755 entrypoint.sh /usr/local/bin/
COPY --chmod=$MODE a /a
COPY --chmod=1777 scratch /scratch
# A world-writable temporary directory deleted in the same RUN never reaches the image.
RUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && make -C "$tempDir" && rm -rf "$tempDir"
RUN mkdir -m 777 /build/tmp && make && rm -rf /build/
