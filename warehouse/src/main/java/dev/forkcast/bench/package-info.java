/**
 * Benchmark reports every module writes the same way: figures beside a baseline measured in the same
 * run, printed as a table and saved as {@code target/bench/<name>.json}. It lives in the warehouse
 * module only because every other module already depends on that one.
 */
package dev.forkcast.bench;
