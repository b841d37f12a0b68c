FROM nginx:1.27
HEALTHCHECK --interval=30s CMD ['curl', '-f', 'http://localhost/']
VOLUME ['/data']
COPY ["nginx.conf" "/etc/nginx/"]
ONBUILD RUN ['make', 'install']
