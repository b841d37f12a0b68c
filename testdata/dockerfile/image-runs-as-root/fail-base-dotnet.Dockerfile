# .NET's regular images keep root as the default user.
FROM mcr.microsoft.com/dotnet/aspnet:8.0
COPY app /app
