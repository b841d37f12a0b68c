# A fragment: its stages are unknown.
COPY --from=buidler /out/app /app
COPY --from=3 /a /b
