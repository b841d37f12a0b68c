FROM alpine:3.20
RUN <<EOF
set -e
curl -fsSLo /a https://example.com/a
wget -qO /b https://example.com/b
EOF
