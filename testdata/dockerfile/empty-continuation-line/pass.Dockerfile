FROM debian:12
RUN apt-get update \
    # a comment line inside a continuation is fine
    && apt-get install -y curl

RUN echo done
