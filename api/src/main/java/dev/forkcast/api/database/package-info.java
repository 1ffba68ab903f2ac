/** The warehouse as Micronaut beans: one pooled DataSource over {@code Warehouse.open()}, and its health. */
package dev.forkcast.api.database;
