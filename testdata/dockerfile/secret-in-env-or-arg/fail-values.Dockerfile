FROM alpine:3.20
# Values that look like credentials are flagged whatever the name.
ENV UPLOAD_ID=AKIAZ7VRSQ5LX2QTOPGM
ARG CI_HELPER=ghp_abcdefghijklmnopqrstuvwxyz0123456789
ENV DATABASE_URL=postgres://app:s3cr3t@db:5432/app
ENV SSH_CONFIG="-----BEGIN OPENSSH PRIVATE KEY-----"
ENV SLACK_HOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
