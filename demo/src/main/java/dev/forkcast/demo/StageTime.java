package dev.forkcast.demo;

/** How long one start-up stage took, measured on the wall clock. */
public record StageTime(Role role, String name, double seconds) {
}
