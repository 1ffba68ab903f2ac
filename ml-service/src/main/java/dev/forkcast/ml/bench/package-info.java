/** {@code ./forkcast bench training}: the models' quality against the world's limit, and what training costs. */
package dev.forkcast.ml.bench;
