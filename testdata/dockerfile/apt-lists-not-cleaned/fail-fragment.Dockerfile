# A fragment without FROM is one stage, the last one.
RUN apt-get update && apt-get install -y curl
