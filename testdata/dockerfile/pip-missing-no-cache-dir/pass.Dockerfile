FROM python:3.12-slim AS base
RUN pip install --no-cache-dir flask==3.0.2
RUN pip3 --no-cache-dir install requests==2.31.0
RUN python3 -m pip --no-cache-dir install -U pip
# pip accepts unambiguous abbreviations of long options.
RUN pip install --no-cache -r requirements.txt
RUN PIP_NO_CACHE_DIR=1 pip install gunicorn==22.0.0
RUN env PIP_NO_CACHE_DIR=off pip install black==24.4.2
RUN export PIP_NO_CACHE_DIR=1 && pip install uvicorn==0.30.0
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt
RUN --mount=type=cache,uid=1000,target=/home/app/.cache/pip pip install --user httpx==0.27.0
# The cache is deleted in the same layer.
RUN pip install -r requirements.txt && rm -rf ~/.cache/pip
RUN pip install -r requirements.txt \
 && rm -rf /var/cache/apk/* /root/.cache/*
RUN pip install -r requirements.txt && rm -rf "$HOME/.cache"
RUN pip3 install -r requirements.txt && pip3 cache purge
# Other tools and look-alikes.
RUN pipx install black && pip download flask && pip uninstall -y flask
RUN uv pip install --system flask && pipenv install && python3 -m venv /venv
RUN pip $PIP_COMMAND flask && echo pip install flask
RUN ["pip", "install", "exec-form-is-not-judged"]

FROM base AS env
ENV PIP_NO_CACHE_DIR=true
RUN pip install flask==3.0.2

FROM env
# Inherited from the parent stage.
RUN pip install requests==2.31.0

FROM python:3.12-slim
ARG PIP_NO_CACHE_DIR=1
ENV PIP_CACHE_DIR=/pip-cache
RUN pip install flask==3.0.2
RUN --mount=type=cache,target=/pip-cache pip install requests==2.31.0

FROM python:3.12-slim
# Runs in a later build, which has every ENV of this image.
ONBUILD RUN pip install -r requirements.txt
ENV PIP_NO_CACHE_DIR=1
