ARG TAG=latest
FROM node:${TAG}
