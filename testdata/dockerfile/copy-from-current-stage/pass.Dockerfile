FROM golang:1.23 AS build
RUN go build -o /out/app .
ONBUILD COPY --from=build /out/app /app
COPY --from=${STAGE} /x /y

FROM alpine:3.20 AS runtime
COPY --from=0 /out/app /app
COPY --from=build /out/app /app2
RUN --mount=type=cache,target=/root/.cache --mount=from=build,target=/b true
