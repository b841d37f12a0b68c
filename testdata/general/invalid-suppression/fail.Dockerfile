FROM alpine:3.20
# plimsoll: ignore[base-image-latst, parse-eror] -- typo
RUN echo hi
# plimsoll: ignroe[parse-error]
# plimsoll: ignore parse-error
RUN echo again
