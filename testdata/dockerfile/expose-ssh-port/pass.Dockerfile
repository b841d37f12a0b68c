FROM alpine:3.20
ARG SSH_PORT=22
# Not SSH: other ports, UDP, ranges that stop short of 22, and variables.
EXPOSE 2222 220 80/tcp 443
EXPOSE 22/udp
EXPOSE 23-25 1-21
EXPOSE $SSH_PORT
EXPOSE 22:80
