/** The data engineer's run log over HTTP: ETL runs ({@code ops.pipeline_runs}) and their quality checks. */
package dev.forkcast.api.pipeline;
