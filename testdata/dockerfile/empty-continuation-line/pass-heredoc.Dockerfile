FROM debian:12
RUN <<EOF
echo a \

echo b
EOF
COPY <<EOF /etc/motd
line one \

line two
EOF
