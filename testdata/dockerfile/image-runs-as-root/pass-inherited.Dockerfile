FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
USER 10001

FROM base AS final
COPY . /srv
