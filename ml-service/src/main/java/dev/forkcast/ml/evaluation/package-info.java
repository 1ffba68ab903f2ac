/**
 * How good is a model, in numbers and pictures: error in minutes, how well fraud scores rank, which
 * fraud threshold costs least, the same metrics per segment, and small SVG charts for reports.
 */
package dev.forkcast.ml.evaluation;
