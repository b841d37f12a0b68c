FROM python:latest
FROM ubuntu:latest AS build
