FROM node:22-slim
COPY package.json package-lock.json /app
copy --chown=node:node a.txt b.txt c.txt /srv/data
ADD one.tar.gz two.tar.gz /opt
COPY --from=build /out/app /out/lib \
     /usr/local/bin
ONBUILD COPY a b /dest
