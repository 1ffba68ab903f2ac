/** {@code ./forkcast bench demo}: the demo's cold start to its first served prediction, beside the same work done one command at a time. */
package dev.forkcast.demo.bench;
