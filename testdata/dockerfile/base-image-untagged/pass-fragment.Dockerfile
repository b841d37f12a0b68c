RUN echo "a fragment without FROM has no base image to judge"
