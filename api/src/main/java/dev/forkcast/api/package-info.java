/** Forkcast's HTTP API: the registry, pipeline runs, quality and KPIs as JSON, and the few admin actions. */
package dev.forkcast.api;
