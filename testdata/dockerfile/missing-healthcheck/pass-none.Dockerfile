FROM alpine:3.20
# A batch job: nothing to probe.
HEALTHCHECK NONE
