FROM golang:1.23 AS build
HEALTHCHECK CMD ["true"]
RUN go build -o /out/app .

from gcr.io/distroless/base-debian12 as runtime
ONBUILD HEALTHCHECK CMD ["/app", "health"]
COPY --from=build /out/app /app
