/** Daily KPIs from {@code marts.daily_kpis} over HTTP, filtered by day range, zone and cuisine. */
package dev.forkcast.api.kpis;
