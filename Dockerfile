# policybot: the Discord bot in a slim, non-root image. Build: docker build -t policybot .
# Run:  docker run -d --env-file .env -v policybot-data:/app/data policybot   (see docs/deploy.md)
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    POLICYBOT_DATA=/app/data \
    POLICYBOT_KNOWLEDGE=/app/knowledge \
    POLICYBOT_CONFIG=/app/config \
    PORT=8080

WORKDIR /app
RUN useradd --create-home --uid 10001 policybot

# Dependencies from the pinned lock first (a layer that changes only with the lock), then the package itself.
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-deps .

# The seed documents and the config. Documents added with !add are written to /app/knowledge and kept in the
# state database, which restores them on start: state lives in /app/data (SQLite) or in DATABASE_URL.
COPY config ./config
COPY knowledge ./knowledge
RUN mkdir -p /app/data && chown -R policybot:policybot /app/data /app/knowledge

USER policybot
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['PORT']}/healthz\", timeout=4)"]
CMD ["python", "-m", "bot", "run"]
