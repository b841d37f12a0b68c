FROM alpine:3.20
# plimsoll: ignore[parse-error] -- fine
RUN echo hi
# plimsoll: file-ignore[DL3007]
# hadolint ignore=DL3008,SC2086
RUN echo ok
