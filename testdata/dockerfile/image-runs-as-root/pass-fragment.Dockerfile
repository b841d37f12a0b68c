# A fragment without FROM has an unknown base: only an explicit root USER is judged.
RUN apt-get install -y curl
