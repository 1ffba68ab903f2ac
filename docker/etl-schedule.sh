#!/usr/bin/env bash
# The ETL on a schedule: submit the pipeline's cluster jar to the Spark master, wait
# FORKCAST_ETL_INTERVAL_SECONDS, submit again. Each run is incremental (a Kafka-offset watermark), so a run
# with nothing new changes nothing; a failed run is retried at the next tick (it published nothing: the
# quality gate stops a layer before it is published).
#
# After the first run that succeeds, the file $FORKCAST_ETL_MARKER exists: the image's HEALTHCHECK reports
# healthy from then on, which is what the trainer waits for (compose: condition service_healthy).
#
# What spark-submit is given, and why:
#   no --class                 the jar's manifest names dev.forkcast.pipeline.job.EtlJob (pipeline/pom.xml, the
#                              cluster profile), so the main class is written once
#   --deploy-mode client       the driver runs here, in this container, so its output is this service's log
#   spark.driver.host          executors on the worker connect back to the driver: this container's address
#                              on the compose network
#   no Java 17 module flags    spark-submit and SparkContext add Spark's own list (the one in
#                              pipeline/spark-jvm17.args) to the driver and the executors
#   FORKCAST_* variables       the driver inherits them from this process (env_file); the PII key reaches the
#                              executors inside the pseudonymising function, not through their environment
set -uo pipefail

master="${FORKCAST_SPARK_MASTER:-spark://spark-master:7077}"
interval="${FORKCAST_ETL_INTERVAL_SECONDS:-600}"
marker="${FORKCAST_ETL_MARKER:-/tmp/forkcast-etl-succeeded}"
jar="/opt/forkcast-etl/forkcast-pipeline-cluster.jar"

stopping=0
trap 'stopping=1' TERM INT

while [[ $stopping -eq 0 ]]; do
  driver_host="$(hostname -i | awk '{print $1}')"
  echo "forkcast etl: submitting to $master (driver at $driver_host)"
  if /opt/spark/bin/spark-submit \
      --master "$master" \
      --deploy-mode client \
      --name forkcast-etl \
      --conf "spark.driver.host=$driver_host" \
      --conf spark.driver.bindAddress=0.0.0.0 \
      --driver-memory 1g \
      --executor-memory 2g \
      "$jar"; then
    touch "$marker"
    echo "forkcast etl: run succeeded; next in ${interval}s"
  else
    echo "forkcast etl: run failed (see above); retrying in ${interval}s" >&2
  fi
  # sleep in the background so a `docker compose stop` (SIGTERM) ends the wait at once.
  sleep "$interval" &
  wait $! || true
done
