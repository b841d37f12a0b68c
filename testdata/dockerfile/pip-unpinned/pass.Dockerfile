FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.2 "requests>=2.31,<3" 'ruamel.yaml == 0.18.6' 'numpy~=1.26'
RUN pip3 install --user -U pkg[extra]==1.0 "jax[cuda12]==0.4.30" -f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html
RUN pip install -r requirements.txt && pip install --requirement=dev.txt
RUN pip install -c constraints.txt flask requests
RUN pip install . && pip install -e . && pip install -e ".[dev]" && pip install ./src /wheels/*.whl
RUN pip install dist/app-1.0-py3-none-any.whl app-1.0.tar.gz https://example.com/app-1.0.zip
RUN pip install git+https://github.com/psf/requests.git@v2.31.0 \
        git+ssh://git@github.com/pallets/flask.git@0123abcd \
        "click @ git+https://github.com/pallets/click@8.1.7"
RUN python3 -m pip install --upgrade pip && pip install -U PIP
# The version comes from a variable: not judged, unless the specifier itself is visible.
RUN pip install "$PACKAGE" ${EXTRA_PACKAGES} "yamllint==$YAMLLINT_VERSION"
RUN pip install --no-binary :all: --only-binary=:none: psycopg==3.1.19
RUN uv pip install flask && pipx install black && pip download flask && pip uninstall -y flask
RUN ["pip", "install", "exec-form-is-not-judged"]
ENV PIP_CONSTRAINT=/constraints.txt
RUN pip install flask
