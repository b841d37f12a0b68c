FROM debian:12
RUN chmod 777 /app
RUN chmod -R 0777 /srv/data /srv/cache "$EXTRA"
RUN mkdir -p /var/run/app && chmod a+rwx /var/run/app
RUN chmod -R o+w /opt/app && chmod ugo=rwX /opt/shared
RUN chmod u+x,o+w /usr/local/bin/tool
RUN chmod 666 /etc/sudoers && chmod -R a+w $CARGO_HOME
RUN chmod 777 /tmp
RUN mkdir -pm 777 /data && install -d -m 0777 /cache && mkdir --mode=a+w /logs
# mkdir starts symbolic modes from a=rwx; install ignores the umask.
RUN mkdir -m g+s /shared-group && install -o app -m +w tool /usr/local/bin/tool
ONBUILD RUN sudo chmod 2777 /shared
COPY --chmod=777 entrypoint.sh /usr/local/bin/
ADD --chmod=0666 config.ini /etc/app/
ONBUILD COPY --chmod=a+w . /src
RUN <<EOF
set -e
chmod -v 757 /srv
EOF
RUN chmod 777 /build/out /build/keep && rm -rf /build/out
