FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends nginx && service nginx start
RUN service postgresql start && service redis-server restart && echo started
RUN sudo /usr/sbin/service ssh start
RUN ps aux && free -m && mount
RUN top -b -n 1
RUN kill -9 1
RUN mount -t tmpfs none /mnt
RUN ssh -o StrictHostKeyChecking=no git@github.com
RUN vim /etc/nginx/nginx.conf
RUN shutdown -h now
ONBUILD RUN service cron start
RUN <<EOF
set -e
ps -ef
EOF
