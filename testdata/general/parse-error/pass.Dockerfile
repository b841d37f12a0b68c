FROM alpine:3.20
RUN echo ok
ENV A=1 B="two words"
COPY <<EOF /etc/motd
hello
EOF
