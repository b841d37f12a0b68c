# The last line ends in an escaped backslash (a Windows path), which BuildKit does not
# read as a line continuation.
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN echo one \
    two
COPY app.exe C:\\app\\
