# Tags, digests, registry ports, `scratch`, earlier stages and unknown ARGs are all fine.
ARG IMAGE
ARG TAG=3.20
FROM alpine:3.20 AS base
FROM alpine:${TAG}
FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM localhost:5000/team/app:1.2
FROM base
FROM BASE AS again
FROM scratch
FROM ${IMAGE}
FROM --platform=linux/amd64 node:22-slim
