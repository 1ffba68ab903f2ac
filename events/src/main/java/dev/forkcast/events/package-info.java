/**
 * The data contracts of Forkcast: every event the city emits, its topic, its key and its exact JSON form.
 */
package dev.forkcast.events;
