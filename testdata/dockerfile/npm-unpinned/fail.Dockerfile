FROM node:20-alpine
RUN npm install -g yarn
RUN npm install --save-dev --loglevel warn typescript@5.4.5 eslint \
        @types/node
RUN npm i -g npm@latest pnpm@
RUN sudo npm --prefix /app add --no-save express
run npm install -g @vue/cli@latest
ONBUILD RUN npm install -g nodemon
RUN <<EOF
set -e
npm install --omit dev left-pad
EOF
RUN npm install git+https://github.com/lodash/lodash.git expressjs/express github:npm/cli
RUN yarn global add @vue/cli && yarn add --dev jest
RUN pnpm add -g pnpm && pnpm --filter web add react
