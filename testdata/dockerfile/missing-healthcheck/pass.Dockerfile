FROM nginx:1.27
healthcheck --interval=30s CMD curl -fsS http://localhost/ || exit 1
