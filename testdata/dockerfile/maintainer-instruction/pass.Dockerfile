FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
LABEL maintainer="jane@example.com"
# MAINTAINER Jane Doe
RUN echo MAINTAINER
