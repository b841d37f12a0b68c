FROM golang:1.23 AS build
USER builder
RUN go build -o /app .

FROM debian:12-slim
COPY --from=build /app /app
CMD ["/app"]
