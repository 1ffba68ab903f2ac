/** Feature rows read from {@code features.*}, split by time, and turned into Tribuo examples. */
package dev.forkcast.ml.datasets;
