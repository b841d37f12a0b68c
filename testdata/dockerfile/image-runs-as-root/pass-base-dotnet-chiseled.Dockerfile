# .NET's chiseled images end with USER $APP_UID.
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled
COPY app /app
