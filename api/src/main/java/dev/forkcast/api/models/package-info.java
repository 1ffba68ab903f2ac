/** The model registry read over HTTP: versions, aliases, metrics, provenance and the history of every alias move. */
package dev.forkcast.api.models;
