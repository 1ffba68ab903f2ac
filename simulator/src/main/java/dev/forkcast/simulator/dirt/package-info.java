/** Dirt: the duplicates, late records, missing fields, broken JSON and wrong clocks real pipelines fight. */
package dev.forkcast.simulator.dirt;
