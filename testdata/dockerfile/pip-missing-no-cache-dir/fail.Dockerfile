FROM python:3.12-slim
RUN pip install flask==3.0.2
RUN pip3 install --user -U \
        requests==2.31.0
RUN python3 -m pip install --upgrade pip
RUN sudo -H /opt/venv/bin/pip3.12 --disable-pip-version-check install -r requirements.txt
run pip install .
ONBUILD RUN pip install -r requirements.txt
RUN <<EOF
set -e
python -m pip install gunicorn==22.0.0
EOF
# A cache mount elsewhere does not count, nor a different option.
RUN --mount=type=cache,target=/root/.npm pip install --cache-dir /tmp/pip uvicorn==0.30.0

FROM python:3.12-slim
# An ENV after the RUN does not reach it, nor a clean-up in a later layer or of another
# directory.
RUN pip install isort==5.13.2 && rm -rf /tmp/*
RUN rm -rf /root/.cache/pip
RUN pip install black==24.4.2
ENV PIP_NO_CACHE_DIR=1
