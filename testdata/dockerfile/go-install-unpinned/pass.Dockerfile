FROM golang:1.22 AS build
RUN go install golang.org/x/tools/gopls@v0.15.0 github.com/go-delve/delve/cmd/dlv@v1.22.1
RUN go install golang.org/x/lint/golint@v0.0.0-20210508222113-6edffad5e616 example.com/tool@0123abcd
RUN go install -tags netgo -ldflags '-s -w' ./cmd/app && go install . && go install ./... && go install std
RUN go install tool && go install /go/src/main.go
# Without a version, `go install` builds what go.mod requires.
COPY go.mod go.sum ./
RUN go install github.com/GoogleCloudPlatform/docker-credential-gcr/v2
RUN go get -d ./... && go get && go mod download
RUN go get github.com/google/uuid@v1.6.0 && go get golang.org/x/net@none
RUN go install "golang.org/x/vuln/cmd/govulncheck@${GOVULNCHECK_VERSION}" "$TOOL@v1.2.3"
RUN go run main.go latest && go run ./cmd/gen && go run example.com/gen@v1.0.0 @latest
RUN go build -o /app ./cmd/app && go test ./... && go vet ./...
RUN ["go", "install", "exec-form-is-not-judged@latest"]
