/** The pipeline: Spark SQL jobs that turn {@code raw} into {@code staging}, {@code marts} and {@code features}. */
package dev.forkcast.pipeline;
