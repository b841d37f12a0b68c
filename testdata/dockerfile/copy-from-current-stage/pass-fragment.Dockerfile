# A fragment: stage numbers are unknown.
COPY --from=0 /a /b
