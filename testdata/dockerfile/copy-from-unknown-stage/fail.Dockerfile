FROM golang:1.23 AS builder
RUN go build -o /out/app .

FROM node:22 AS license-set
RUN echo license > /out

FROM gcr.io/distroless/base-debian12
COPY --from=buidler /out/app /app
copy --from=build /out/app /app
COPY --from=set /out /licenses
RUN --mount=type=bind,from=biulder,target=/b ls /b
COPY --from=5 /x /y
COPY --from=Tools /bin/tool /bin/
