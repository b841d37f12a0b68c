ONBUILD RUN echo hello
MAINTAINER Jane Doe

from alpine:3.20
