package dev.forkcast.demo;

/**
 * How long one start-up stage took, measured on the wall clock.
 *
 * @param name a short name for tables ("Spark ETL")
 */
public record StageTime(Role role, String name, double seconds) {
}
