FROM alpine:3.20
# A range that covers 22 exposes it too.
EXPOSE 20-25
# The host part is ignored: container port 22 is exposed.
EXPOSE 2222:22
ONBUILD EXPOSE 22
