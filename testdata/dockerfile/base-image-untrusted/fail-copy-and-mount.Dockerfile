ARG TOOLS=ghcr.io/acme/tools:2
FROM python:3.12-slim
# The global default, visible because the stage declares the ARG again.
ARG TOOLS
COPY --from=quay.io/coreos/etcd:v3.5.0 /usr/local/bin/etcd /usr/local/bin/
COPY --from=$TOOLS /bin/tool /usr/local/bin/
RUN --mount=type=bind,from=ghcr.io/acme/tools:1,source=/bin,target=/tools \
    /tools/run
ONBUILD COPY --from=ghcr.io/acme/assets:1 /assets /srv/assets
