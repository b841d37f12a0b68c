FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY a.txt b.txt /srv/
# BuildKit copies into `.`, the working directory.
COPY a.txt b.txt .
COPY app.js /app/server.js
# One glob may match one file: not judged.
COPY dist/*.js /app/bundle.js
# A variable may end with a slash.
COPY a.txt b.txt $DEST
COPY a.txt b.txt ${DEST}/
COPY ["a.txt", "b.txt", "/exec/"]
COPY <<EOF /etc/app.conf
key=value
EOF
