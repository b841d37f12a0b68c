FROM quay.io/prometheus/busybox:1.36
# `*.gcr.io` needs a subdomain: plain `gcr.io` is not covered.
FROM gcr.io/distroless/static:nonroot AS app
FROM registry.example.com.evil.io/app:1
FROM localhost:5001/app:1
# Docker Hub, but not an official image and not under `bitnami/`.
from --platform=linux/amd64 nginxinc/nginx-unprivileged:1.27
