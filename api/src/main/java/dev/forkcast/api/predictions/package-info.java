/** Delivery-time predictions over HTTP: a request's features and the warehouse's history in, the champion's minutes out, logged. */
package dev.forkcast.api.predictions;
