FROM alpine:3.20
RUN <<EOF
echo ends with a backslash \
EOF
