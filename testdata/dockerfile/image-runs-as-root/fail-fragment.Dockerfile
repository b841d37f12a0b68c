RUN apt-get install -y curl
USER root
