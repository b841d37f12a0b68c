FROM debian:12
# Small UIDs, --no-log-init / -l in any position, variables and useradd-like names.
RUN useradd -u 99999 five-digits
RUN useradd --no-log-init -u 100000 app
RUN useradd -u 100000 -l app2 && useradd -lmu 100000 app3
RUN useradd -r -g app app4 --uid 100000 --no-log-init
RUN useradd -u "$APP_UID" app5 && useradd -u ${BIG:-100000} app6
RUN useradd -c "-u 100000" app7 && useradd -m app8
RUN echo useradd -u 100000 x && adduser --uid 100000 app9
RUN useradd -- -u
