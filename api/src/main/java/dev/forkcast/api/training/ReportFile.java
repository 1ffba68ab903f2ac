package dev.forkcast.api.training;

/** One stored report file: its media type as the trainer recorded it, and its bytes. */
public record ReportFile(String mediaType, byte[] content) {
}
