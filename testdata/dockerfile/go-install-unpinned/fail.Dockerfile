FROM golang:1.22 AS build
RUN go install golang.org/x/tools/gopls@latest
RUN go install -v -ldflags "-s -w" \
        github.com/go-delve/delve/cmd/dlv@master \
        honnef.co/go/tools/cmd/staticcheck@v0
RUN go get -u github.com/golang/dep/cmd/dep golang.org/x/lint/golint@upgrade
run go run gotest.tools/gotestsum@latest --format testname -- ./...
ONBUILD RUN go install github.com/air-verse/air@latest
RUN <<EOF
set -e
GOBIN=/usr/local/bin go install "github.com/cweill/gotests/...@latest"
EOF
RUN go install github.com/golangci/golangci-lint/cmd/golangci-lint@'>=v1.59.0'
RUN xx-go install "github.com/wadey/gocovmerge@latest"
