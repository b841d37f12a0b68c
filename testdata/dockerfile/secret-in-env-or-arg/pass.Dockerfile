FROM python:3.12-slim
# Public keys and key ids, paths and URLs to secrets, switches and lengths are not secrets.
ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA
ENV SSH_PUBLIC_KEY="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host"
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/service-account.json
ENV TOKEN_ENDPOINT=https://auth.example.com/oauth/token
ENV VAULT_TOKEN_URL=https://vault.example.com
ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes
ENV PASSWORD_MIN_LENGTH=12
ENV SECRET_KEY_BASE_DUMMY=1
ENV TOKENIZERS_PARALLELISM=false
ENV KEEPASSXC_VERSION=2.7.9
ENV API_TOKEN=
ENV AUTH_TOKEN_ENABLED=true
ENV DB_PASSWORD=/run/secrets/db
# AWS's documented example key, and a URL whose password is a variable.
ENV AWS_EXAMPLE=AKIAIOSFODNN7EXAMPLE
ENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app
ENV PWD=/app
ARG KEY
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
# Undeclared variables are empty; file names and list-item settings are not secrets.
ENV DB_SCHEMA_PASSWORD=${DB_SCHEMA_PASSWORD:-} ADMIN_PASS="${ADMIN_PASS:-}"
ENV RESET_OS_PASSWORD="resetOSPassword.sh"
ENV DefaultProcess__Filters__0__Key=ProcessId
