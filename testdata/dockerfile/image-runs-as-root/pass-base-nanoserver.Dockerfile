# Nano Server runs as ContainerUser.
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY app.exe /app.exe
