FROM mcr.microsoft.com/windows/servercore:ltsc2022
ENTRYPOINT ["C:\app\server.exe", "--port", "80"]
CMD [“npm”, “start”]
