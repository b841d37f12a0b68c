FROM alpine:3.20
# Shell form until the SHELL, which applies only from here on.
CMD /app
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
CMD /app --again
