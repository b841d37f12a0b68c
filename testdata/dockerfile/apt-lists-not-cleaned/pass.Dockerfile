FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /tmp/*
RUN apt-get update && apt-get install -y vim && rm -fr /var/lib/apt/lists
RUN apt-get update && apt-get install -y make && rm -r -f /var/lib/apt/lists/
RUN apt-get update && apt-get install -y gcc; rm -Rf /var/lib/apt/*
RUN apt-get update && apt-get install -y g++ && rm /var/lib/apt/lists/*_*
RUN apt update && apt install -y wget && rm -rf /var/lib/apt/lists/*
ONBUILD RUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*
RUN <<EOF
apt-get update
apt-get install -y less
rm -rf /var/lib/apt/lists/*
EOF
RUN apt-get install -y tree && apt-get clean
RUN ["apt-get", "update"]
# apt 2.7 and later: `distclean` removes the lists too.
RUN apt-get update && apt-get install -y bzip2 && apt-get dist-clean
RUN apt-get update && apt-get install -y xz-utils && apt-get distclean
# A clean-up inside a `bash -c` script counts.
RUN apt-get update && bash -c "apt-get install -y unzip && rm -rf /var/lib/apt/lists/*"
