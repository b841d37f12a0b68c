FROM python:3.12-slim
ADD requirements.txt /app/
add --chown=app:app src/ /app/src/
ADD ["config file.yml", "/etc/app/"]
ADD a.py b.py \
    /app/
ONBUILD ADD . /app/
# ADD does not extract zip files.
ADD bundle.zip /opt/
