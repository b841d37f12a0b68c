# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
MAINTAINER $USER `ops` C:\team
