COPY . .
WORKDIR tools/gopls
