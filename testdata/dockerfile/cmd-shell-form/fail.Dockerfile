FROM python:3.12-slim
COPY . /app
CMD python /app/main.py --port=8000

FROM python:3.12-slim AS web
cmd exec gunicorn --workers 2 app:app

FROM alpine:3.20
CMD /usr/local/bin/server \
    --config /etc/server.yaml
