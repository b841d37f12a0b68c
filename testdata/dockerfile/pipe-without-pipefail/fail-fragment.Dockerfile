RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
