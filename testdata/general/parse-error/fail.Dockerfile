FROM alpine:3.20
FROOM alpine:3.20
COPY --form=build /a /b
ENV ONLYKEY
RUN <<EOF
echo never ends
