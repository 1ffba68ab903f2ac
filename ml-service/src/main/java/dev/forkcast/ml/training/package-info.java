/** Trainers for the two models: gradient-boosted trees beside a linear baseline, chosen on validation days. */
package dev.forkcast.ml.training;
