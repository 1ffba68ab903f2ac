/**
 * Features: one row per order holding only what the platform had received before the order was placed
 * (point in time), plus the label a model learns; the columns are those of {@code FeatureCatalogue}.
 */
package dev.forkcast.pipeline.features;
