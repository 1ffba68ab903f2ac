/** The ML engineer's side of Forkcast: from the warehouse's feature tables to registered, judged models. */
package dev.forkcast.ml;
