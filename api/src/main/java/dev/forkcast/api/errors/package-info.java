/** One JSON shape for every error ({@link dev.forkcast.api.errors.ApiError}), whoever raised it. */
package dev.forkcast.api.errors;
