FROM node:20-alpine
RUN npm install && npm ci && npm ci --omit=dev && npm install --production
RUN npm install -g npm@10 yarn@1.22.22 corepack@0.28.0 "@angular/cli@17.3.0" @types/node@^20
RUN npm install --save-dev --loglevel warn --omit dev typescript@5.4.5
RUN npm install ./packages/utils ../shared /opt/lib ~/x file:../y pkg-1.0.0.tgz
RUN npm install https://registry.example.com/pkg/-/pkg-1.0.0.tgz
RUN npm install git+https://github.com/lodash/lodash.git#4.17.21 expressjs/express#v4.19.2 github:npm/cli#semver:^10
RUN npm install -g "ghost-cli@$GHOST_CLI_VERSION" ${NODE_PACKAGES} "$(cat packages.txt)"
RUN npm install -g @angular/cli@$NG_VERSION
RUN yarn install --frozen-lockfile && yarn global add @vue/cli@5.0.8 && yarn add --dev jest@29.7.0
RUN pnpm install --frozen-lockfile && pnpm add -w -D typescript@5.4.5
RUN npm run build && npm test && npx create-react-app app && echo npm install x
RUN ["npm", "install", "exec-form-is-not-judged"]
