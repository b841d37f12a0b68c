# A fragment without FROM is one stage.
RUN wget -qO /a https://example.com/a
RUN curl -fsSLo /b https://example.com/b
