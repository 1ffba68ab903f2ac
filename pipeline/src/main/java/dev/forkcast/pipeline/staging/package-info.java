/** Staging: one typed, de-duplicated row per event or entity, with personal data pseudonymised. */
package dev.forkcast.pipeline.staging;
