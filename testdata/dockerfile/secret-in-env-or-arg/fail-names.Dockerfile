FROM node:22-slim
# A build argument without a default still receives the secret from `--build-arg`.
ARG NPM_TOKEN
ARG GITHUB_TOKEN=
arg apiKey
ARG SECRET_KEY
# Copying a build argument into ENV keeps it in the image.
ENV DB_PASSWORD=changeme \
    APP_SECRET_KEY=${SECRET_KEY}
ENV MYSQL_ROOT_PASSWORD rootpass
FROM alpine:3.20 AS creds
ARG AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
# Build arguments are inherited by stages built on this one.
FROM creds
ENV AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-}
ONBUILD ARG DEPLOY_KEY
ENV ORACLE_PWD=hunter2 NAGIOSADMIN_PASS=nagios
