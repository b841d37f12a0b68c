FROM debian:12
WORKDIR /usr/src/app
# A directory visited and left again, a scratch directory, or a cd after other work.
RUN cd /usr/src/python && ./configure && make install && cd / && rm -rf /usr/src/python
RUN cd /tmp && curl -fsSLO https://example.com/app.tgz && tar -xzf app.tgz && cd - && rm -rf /tmp/app*
RUN mkdir -p /build && cd /build && cmake /src && make && cd && rm -rf /build
RUN tar -xzf /tmp/src.tgz -C /usr/src && cd /usr/src/app-1.2 && make install
RUN set -e; git clone https://example.com/repo.git /opt/repo && cd /opt/repo && make
# Subshells, pipelines and command substitutions.
RUN (cd /opt/app && make) && (cd /opt/lib && make)
RUN version="$(cd /opt/app && git describe)" && echo "$version"
RUN cd "$APP_HOME" && make && cd ${BUILD_DIR:-/build} && make
RUN for d in /opt/plugins/*; do cd "$d"; make; cd ..; done
RUN echo cd /app && ls
RUN ["sh", "-c", "cd /app && make"]
