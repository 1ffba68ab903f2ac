/** {@code ./forkcast bench etl}: the ETL's cost on a large history, beside plain SQL, at two sizes. */
package dev.forkcast.pipeline.bench;
