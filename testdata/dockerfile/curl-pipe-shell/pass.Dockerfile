FROM debian:12
# Downloads saved to files, piped into non-interpreters, or into interpreters that read
# their program from elsewhere.
RUN curl -fsSLo /tmp/install.sh https://get.example.com && sha256sum -c /tmp/install.sh.sha256 && sh /tmp/install.sh
RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
RUN curl -fsSLO https://example.com/install.sh | sh
RUN wget -q https://example.com/install.sh | sh
RUN curl -fsSL https://api.example.com/release | python3 -c "import json,sys; print(json.load(sys.stdin)['tag'])"
RUN curl -fsSL https://api.example.com/release | python3 -m json.tool
RUN curl -fsSL https://example.com/data.csv | sh ./import.sh
RUN curl -fsSL https://example.com/data | perl -ne 'print if /x/'
RUN VERSION="$(curl -fsSL https://api.example.com/latest)" && echo "$VERSION"
RUN sh -c "curl -fsSL https://example.com/app.tgz | tar -xz" && echo "curl x | sh"
RUN curl -fsSL -o - https://example.com/app.tgz | gunzip > /opt/app.tar
