FROM debian:bookworm
ARG CURL_VERSION=7.88.1-10+deb12u5
RUN apt-get update && apt-get install -y --no-install-recommends curl=${CURL_VERSION} git=1:2.39.2-1.1
RUN apt-get install -y ./vendor/tool_1.0_amd64.deb /tmp/other.deb local.deb
# A release selection and a variable list cannot be judged as unpinned.
RUN apt-get install -y curl/bookworm-backports $EXTRA_PACKAGES "${BUILD_DEPS}"
RUN apt-get install -y --target-release=bookworm-backports golang=2:1.21~2
# A trailing `-` removes a package.
RUN apt-get install -y curl=7.88.1-10+deb12u5 wget-
RUN apt-get -f install -y && apt-get install -y
RUN apt-get remove -y curl && apt-get source hello && apt-cache show curl
RUN ["apt-get", "install", "-y", "curl"]
RUN apt-get install -s curl && apt-get install --simulate wget
