/** The model registry in the {@code ml} schema: versions with provenance, aliases, and the promotion rule. */
package dev.forkcast.ml.registry;
