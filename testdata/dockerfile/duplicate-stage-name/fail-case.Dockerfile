FROM debian:12 AS Builder
FROM debian:12 AS builder
