/** Admin actions (moving a model's champion alias), behind a bearer token from {@code FORKCAST_API_TOKEN}. */
package dev.forkcast.api.admin;
