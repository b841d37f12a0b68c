FROM alpine:3.20
# The shell test command `[`, not an exec form.
RUN [ -f /etc/alpine-release ] && echo alpine
RUN [ "$(uname -m)" = "x86_64" ] || echo other
RUN [ -n "a,b" ]
# A glob character class, not an exec form.
COPY [Dd]ockerfile /src/
# Valid exec forms.
CMD [ "node", "app.js" ]
RUN ["/bin/sh", "-c", "echo \"hi\" \\u00e9"]
VOLUME ["/data", "/logs"]
COPY ["a b.txt", "/dst/"]
SHELL ["/bin/bash", "-c"]
RUN [[ -d /tmp ]] && echo bash test
HEALTHCHECK CMD [ -f /tmp/healthy ]
