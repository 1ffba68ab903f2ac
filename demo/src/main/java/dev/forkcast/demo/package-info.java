/**
 * {@code ./forkcast demo}: the whole platform in one command, stage by stage, each owned by a role; then the city
 * keeps running live until Ctrl-C.
 */
package dev.forkcast.demo;
