FROM ubuntu
from --platform=$BUILDPLATFORM golang AS build
FROM ghcr.io/acme/tools AS tools
FROM localhost:5000/team/app
