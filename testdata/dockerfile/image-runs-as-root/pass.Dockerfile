# Earlier stages may build as root: only the final stage runs.
FROM golang:1.23 AS build
USER root
RUN go build -o /app .

FROM debian:12-slim
RUN useradd --system app
USER root
RUN chown app /srv
USER app:root
COPY --from=build /app /app
# ONBUILD USER applies to images built from this one.
ONBUILD USER root
CMD ["/app"]
