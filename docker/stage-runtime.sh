#!/usr/bin/env bash
# Run in the Dockerfile's build stage, after `./mvnw -Pcluster package`: lays out what the runtime images
# need and nothing else (no sources, no Maven, no test jars).
#
#   $1 (e.g. /opt/forkcast)       the forkcast script and, per module it runs, target/classes and a
#                                 target/classpath.txt whose jars are copied under lib/ (Maven's layout)
#   $2 (e.g. /opt/forkcast-etl)   the pipeline's spark-submit jar, as forkcast-pipeline-cluster.jar
#
# The runtime images then start commands with the same `forkcast` script as a checkout does, so the main
# class and JVM settings of each command are written once, in that script.
set -euo pipefail

out="$1"
etl_out="$2"
src="$(pwd)"
repo="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"

# The modules whose commands the JVM image runs (the ETL runs on the Spark cluster instead).
modules=(simulator ingestion ml-service api)

mkdir -p "$out/lib" "$etl_out"
cp "$src/forkcast" "$out/forkcast"

for module in "${modules[@]}"; do
  mkdir -p "$out/$module/target"
  cp -R "$src/$module/target/classes" "$out/$module/target/classes"
  rewritten=()
  # The file has no final newline, so read reports end-of-file: what it read is still the whole line.
  IFS=':' read -r -a entries < "$src/$module/target/classpath.txt" || true
  [[ ${#entries[@]} -gt 0 ]] || { echo "stage-runtime: empty $module/target/classpath.txt" >&2; exit 1; }
  for entry in "${entries[@]}"; do
    case "$entry" in
      "$repo"/*) target="$out/lib/${entry#"$repo"/}" ;;   # a library from the Maven repository
      "$src"/*) target="$out/${entry#"$src"/}" ;;          # a sibling module's jar (the reactor's target/)
      *) echo "stage-runtime: unexpected classpath entry $entry" >&2; exit 1 ;;
    esac
    mkdir -p "$(dirname "$target")"
    cp "$entry" "$target"
    rewritten+=("$target")
  done
  (IFS=':'; echo "${rewritten[*]}") > "$out/$module/target/classpath.txt"
done

cluster_jars=("$src"/pipeline/target/forkcast-pipeline-*-cluster.jar)
[[ ${#cluster_jars[@]} -eq 1 && -f "${cluster_jars[0]}" ]] \
  || { echo "stage-runtime: expected one pipeline cluster jar, found: ${cluster_jars[*]}" >&2; exit 1; }
cp "${cluster_jars[0]}" "$etl_out/forkcast-pipeline-cluster.jar"
