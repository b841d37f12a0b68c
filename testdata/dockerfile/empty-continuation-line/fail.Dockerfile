FROM debian:12
RUN apt-get update \

    && apt-get install -y --no-install-recommends curl
run echo one \

  
    two
ONBUILD RUN echo three \
	
    four
