# The lists of a stage that is only copied from never reach the image.
FROM golang:1.22 AS build
RUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler
RUN go build -o /app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /app /app
