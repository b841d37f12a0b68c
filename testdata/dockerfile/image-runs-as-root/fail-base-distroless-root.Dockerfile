# The default distroless tag runs as root; only :nonroot does not.
FROM gcr.io/distroless/static-debian12:latest
COPY app /app
