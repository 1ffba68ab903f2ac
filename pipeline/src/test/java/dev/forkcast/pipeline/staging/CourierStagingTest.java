package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.RawEvents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class CourierStagingTest {

    @Test
    void aCourierAnnouncedByTwoRunsIsOneCourierWhoJoinedFirst() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.courierJoined("e-first-run", "2026-03-02T00:00:00Z", "2026-03-02T00:00:01Z", "cour_0007",
                        "bike"),
                RawEvents.courierJoined("e-second-run", "2026-03-09T00:00:00Z", "2026-03-09T00:00:01Z", "cour_0007",
                        "bike"));

        List<Row> couriers = CourierStaging.couriers(events).collectAsList();

        assertEquals(List.of(RowFactory.create("cour_0007", at("2026-03-02T00:00:00Z"), "bike", "z07", "dinner")),
                couriers);
    }

    @Test
    void aShiftStartSaysWhereAndAShiftEndHowManyJobs() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.shiftStarted("e-start", "2026-03-02T16:00:00Z", "2026-03-02T16:00:01Z", "cour_0007", "z04"),
                RawEvents.shiftEnded("e-end", "2026-03-02T23:00:00Z", "2026-03-02T23:00:01Z", "cour_0007", 9));

        List<Row> shifts = CourierStaging.shifts(events).orderBy("event_at").collectAsList();

        assertEquals(List.of(
                RowFactory.create("e-start", "cour_0007", "courier_shift_started", at("2026-03-02T16:00:00Z"),
                        at("2026-03-02T16:00:01Z"), "z04", null, null, null),
                RowFactory.create("e-end", "cour_0007", "courier_shift_ended", at("2026-03-02T23:00:00Z"),
                        at("2026-03-02T23:00:01Z"), null, 9, null, null)), shifts);
    }

    @Test
    void whereACourierLoggedInIsKeptToAboutAHundredMetres() {
        Dataset<Row> events = RawEvents.of(RawEvents.shiftStarted("e-start", "2026-03-02T16:00:00Z",
                "2026-03-02T16:00:01Z", "cour_0007", "z04", 52.091234, 5.119876));

        Row shift = CourierStaging.shifts(events).collectAsList().get(0);

        assertEquals(52.091, (double) shift.getAs("lat_approx"), 1e-9);
        assertEquals(5.120, (double) shift.getAs("lon_approx"), 1e-9);
    }

    @Test
    void aPingIsTypedAndKnowsTheOrderTheCourierIsOn() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.ping("e-1", "2026-03-02T12:20:00Z", "2026-03-02T12:20:02Z", 8, 72));

        List<Row> pings = CourierStaging.pings(events).collectAsList();

        assertEquals(List.of(RowFactory.create("e-1", "cour_0007", "o20260302-000001", at("2026-03-02T12:20:00Z"),
                at("2026-03-02T12:20:02Z"), false, 52.091234, 5.119876, "to_customer", 17.5, 8, 72)), pings);
    }

    @Test
    void aPingFromAPhoneClockRunningFastTakesTheTimeThePlatformReceivedIt() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.ping("e-1", "2026-03-02T12:31:00Z", "2026-03-02T12:20:02Z", 8, 72));

        List<Row> pings = CourierStaging.pings(events).select("event_at", "is_clock_corrected").collectAsList();

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:20:02Z"), true)), pings);
    }

    @Test
    void anOlderAppThatLeavesOutAccuracyAndBatteryGivesNulls() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.ping("e-1", "2026-03-02T12:20:00Z", "2026-03-02T12:20:02Z", null, null));

        List<Row> pings = CourierStaging.pings(events).select("accuracy_m", "battery_pct").collectAsList();

        assertEquals(List.of(RowFactory.create(null, null)), pings);
    }

    @Test
    void theColumnsAreThoseOfTheStagingTables() {
        Dataset<Row> none = RawEvents.of();

        assertEquals("struct<courier_id:string,joined_at:timestamp,vehicle:string,home_zone_id:string,"
                + "shift_pattern:string>", CourierStaging.couriers(none).schema().simpleString());
        assertEquals("struct<event_id:string,courier_id:string,event_type:string,event_at:timestamp,"
                + "received_at:timestamp,zone_id:string,jobs_completed:int,lat_approx:double,lon_approx:double>",
                CourierStaging.shifts(none).schema().simpleString());
        assertEquals("struct<event_id:string,courier_id:string,order_id:string,event_at:timestamp,"
                + "received_at:timestamp,is_clock_corrected:boolean,lat:double,lon:double,job_status:string,"
                + "speed_kmh:double,accuracy_m:int,battery_pct:int>",
                CourierStaging.pings(none).schema().simpleString());
    }
}
