FROM debian:12 AS fetch
RUN wget -qO /tmp/a.tgz https://example.com/a.tgz

# Each stage uses one tool; installing or naming the other is not a use.
FROM alpine:3.20
RUN apk add --no-cache curl wget && curl -fsSLo /b https://example.com/b
RUN echo "use wget instead" && $FETCH https://example.com/c
COPY --from=fetch /tmp/a.tgz /tmp/
