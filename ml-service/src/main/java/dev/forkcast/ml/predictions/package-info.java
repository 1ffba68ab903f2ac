/** Predictions from registered models, the way the API serves them: one order's values in, an answer with its model version out. */
package dev.forkcast.ml.predictions;
