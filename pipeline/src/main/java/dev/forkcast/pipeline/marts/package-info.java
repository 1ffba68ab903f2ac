/** Marts: the star schema analysts query — facts at a stated grain, and the dimensions they are grouped by. */
package dev.forkcast.pipeline.marts;
