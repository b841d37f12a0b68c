FROM node:22-slim
WORKDIR app
# Anchored by the relative WORKDIR above: fixing that one fixes this one.
WORKDIR src
