# A fragment without FROM, included into other Dockerfiles.
ENV APP_HOME=/app
RUN mkdir -p "$APP_HOME"
