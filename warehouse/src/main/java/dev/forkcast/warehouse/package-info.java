/**
 * The warehouse: where the data lives (PostgreSQL, embedded or external), the Flyway migrations that
 * are the contract between the data engineer's and the ML engineer's code, and throwaway databases for tests.
 */
package dev.forkcast.warehouse;
