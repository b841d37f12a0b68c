# The cache of a stage that is only copied from never reaches the image.
FROM rockylinux:9 AS build
RUN dnf install -y gcc make && make -C /src
FROM registry.access.redhat.com/ubi9/ubi-micro
COPY --from=build /src/app /app
