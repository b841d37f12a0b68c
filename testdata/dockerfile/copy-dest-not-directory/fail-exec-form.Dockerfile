FROM alpine:3.20
COPY ["a file.txt", "b.txt", "/my dir"]
COPY a.txt b.txt "/quoted"
