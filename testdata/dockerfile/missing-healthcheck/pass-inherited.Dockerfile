FROM python:3.12-slim AS base
HEALTHCHECK CMD ["python", "-c", "print(1)"]

FROM base AS app
COPY . /app
