# The app (FastAPI: /api/chat, the NLG and action callbacks of Rasa, the widget).
# Build from the repository root: docker build -f deploy/Dockerfile.app .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /srv/aidguide
COPY pyproject.toml constraints.txt README.md ./
COPY src/ src/
COPY actions/ actions/
RUN pip install --no-cache-dir -c constraints.txt .
COPY content/ content/
COPY data/ data/
COPY locales/ locales/
COPY web_widget/ web_widget/
COPY scripts/i18n.py scripts/
# The app reads the bot's domain (response names) and training data (the words it knows).
COPY bot/config.yml bot/
COPY bot/domain/ bot/domain/
COPY bot/data/ bot/data/
RUN python scripts/i18n.py compile
ENV AIDGUIDE_BOT_DIR=/srv/aidguide/bot
USER nobody
EXPOSE 8000
# Behind nginx only: the client address is the one nginx sets in X-Forwarded-For.
CMD ["python", "-m", "uvicorn", "aidguide.api.app:app", "--host", "0.0.0.0", "--port", "8000", \
     "--no-access-log", "--proxy-headers", "--forwarded-allow-ips", "*"]
