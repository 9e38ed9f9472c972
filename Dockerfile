# Kansa in a container: `docker compose -f deploy/compose.yaml up` (PostgreSQL, two app instances, nginx in front).
# Build stage: the .NET SDK and Node.js (the design tokens come from npm at build time; nothing is fetched at run time).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Kansa/Kansa.csproj -c Release -o /app --nologo -v quiet -clp:ErrorsOnly

# Run stage: the ASP.NET Core runtime; chromium and the IPAex fonts print the official report as PDF
# (/audits/{key}/report.pdf, export --format pdf), curl answers the health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium fonts-ipaexfont libicu72 curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/kansa kansa
WORKDIR /app
COPY --from=build /app .
USER kansa
# Everything is set from the environment: the database (KANSA_DB: a postgres:// URL), where to listen (KANSA_URLS),
# the settings (KANSA_Kansa__Section__Key, e.g. KANSA_Kansa__ForwardedHeaders__KnownProxies__0=10.89.0.10).
ENV KANSA_URLS=http://0.0.0.0:8080 \
    Kansa__ChangeLog__KeyFile=/var/lib/kansa/keys/audit.key \
    DOTNET_gcServer=0 \
    TZ=Asia/Tokyo
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fs http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "/app/kansa.dll"]
CMD ["serve"]
