# Cascade API image: the `cascade` console command (pyproject [project.scripts])
# serving the FastAPI app. Used by docker-compose.yml for both the one-shot
# `ingest` service and the long-running `api` service (same image, other CMD).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CASCADE_HOST=0.0.0.0 \
    CASCADE_PORT=8000 \
    CASCADE_DATA_DIR=/home/cascade/.cascade

WORKDIR /app

# An unprivileged user owns nothing but its home (the embedded graph's data
# directory when CASCADE_GRAPH_URL is left empty).
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin cascade

# Project metadata first, then the packages: the editable install keeps the
# sources in /app, so `cascade.queries` finds the sibling `cypher/` directory.
COPY pyproject.toml README.md ./
COPY cascade ./cascade
COPY ingest ./ingest
COPY graph_schema ./graph_schema
COPY api ./api
COPY cypher ./cypher
COPY corpus/samples ./corpus/samples
RUN pip install -e . && cascade --help >/dev/null

USER cascade
EXPOSE 8000

# python:3.11-slim has neither curl nor wget: probe /health with the stdlib.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"]

ENTRYPOINT ["cascade"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
