FROM alpine:3.20
ENTRYPOINT ["/app"] # start the server
CMD ["echo", "hello"
CMD ["echo", ["nested"]]
CMD ["C:\Program Files\app.exe --flag"]
