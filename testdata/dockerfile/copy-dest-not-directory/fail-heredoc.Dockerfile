FROM alpine:3.20
COPY <<one.conf <<two.conf /etc/app
one=1
one.conf
two=2
two.conf
