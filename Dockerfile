# One image for every service: the launcher runs the subset named in MYAGENTS_SERVICES against
# the Kafka and PostgreSQL named in KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (see docker-compose.local.yml).
FROM maven:3.9.11-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 myagents
USER myagents
WORKDIR /app
COPY --from=build /src/launcher/target/myagents-local.jar /app/myagents.jar
ENV MYAGENTS_DATA_DIR=/tmp/myagents-data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/myagents.jar"]
