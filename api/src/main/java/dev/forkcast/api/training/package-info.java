/** The ML engineer's training runs over HTTP ({@code ml.training_runs}) and their report files (Markdown, SVG). */
package dev.forkcast.api.training;
