# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD C:\app\server.exe `
    --port 80
