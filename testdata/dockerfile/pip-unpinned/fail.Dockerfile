FROM python:3.12-slim
RUN pip install --no-cache-dir flask
RUN pip3 install --user -U \
        requests==2.31.0 \
        "apache-beam[gcp]" \
        'numpy!=1.26.0'
RUN python3 -m pip install --no-cache-dir --upgrade pip setuptools wheel
RUN sudo pip install --index-url https://pypi.org/simple -t /opt/lib httpie
run pip install -r requirements.txt gunicorn
ONBUILD RUN pip install --no-cache-dir black
RUN <<EOF
set -e
python -m pip install --no-cache-dir uvicorn
EOF
RUN pip install git+https://github.com/psf/requests.git \
        git+ssh://git@github.com/pallets/flask.git \
        "click @ git+https://github.com/pallets/click"
RUN pip install -e git+https://github.com/pallets/jinja.git#egg=jinja2
# Unquoted, `>=2` is a shell redirection: pip sees only `requests`.
RUN pip install requests>=2
