FROM golang:1.23 AS build
CMD ["go", "test", "./..."]
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /app
CMD ["/app", "--debug"]
ENTRYPOINT ["/sbin/tini", "--"]
cmd /app
CMD ["/app"]
