FROM python:3.12-slim
CMD ['python', 'app.py']
ENTRYPOINT ["/docker-entrypoint.sh" "--verbose"]
cmd ["gunicorn", "app:app",]
RUN [apt-get, update]
CMD ['python', \
     'app.py']
