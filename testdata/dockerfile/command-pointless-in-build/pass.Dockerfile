FROM debian:12
# A service started to do work in the same RUN, output that is read, processes this RUN started.
RUN service mysql start && mysql -e "CREATE DATABASE app" && service mysql stop
RUN service postgresql start && psql -c 'select 1'
RUN service nginx status || true
RUN if ps aux | grep -q [n]ginx; then echo running; fi
RUN mem="$(free -m)" && echo "$mem" > /tmp/mem
RUN TERM=xterm browsh & pid=$!; sleep 10; kill $pid || true
RUN --security=insecure mount -t tmpfs none /mnt && ls /mnt
RUN --mount=type=ssh ssh -o StrictHostKeyChecking=accept-new -T git@github.com || true
RUN vim -es -c 'set ff=unix' -c wq /app/script.sh && vim +PlugInstall +qall
# Names as arguments or packages.
RUN apt-get install -y --no-install-recommends vim openssh-client procps && echo ps
RUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts && ssh-keygen -A
