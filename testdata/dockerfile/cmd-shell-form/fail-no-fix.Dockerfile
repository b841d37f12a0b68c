FROM alpine:3.20
ENTRYPOINT /docker-entrypoint.sh
CMD ["serve"]

FROM alpine:3.20
CMD echo "hello $USER" && sleep 10
ENTRYPOINT exec /app --port "$PORT"
