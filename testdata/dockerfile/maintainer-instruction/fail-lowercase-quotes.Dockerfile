from alpine:3.20
maintainer "Jane Doe" <jane@example.com>
