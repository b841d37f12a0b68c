FROM python:3.12-slim AS a
workdir ./srv
FROM python:3.12-slim AS b
# A variable later in the path does not make it absolute.
WORKDIR build/$VERSION
FROM python:3.12-slim AS c
# `~` is not expanded by Docker: this is a directory named `~`.
WORKDIR ~/app
FROM python:3.12-slim AS d
WORKDIR "my app"
FROM python:3.12-slim
ONBUILD WORKDIR plugins
