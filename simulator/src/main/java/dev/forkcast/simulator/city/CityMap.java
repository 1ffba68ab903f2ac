package dev.forkcast.simulator.city;

/**
 * The city's geometry. Inside the simulator positions are kilometres east ({@code x}) and north
 * ({@code y}) of the south-west corner, which keeps distances simple; events carry latitude and
 * longitude so they look like what a phone reports.
 */
public final class CityMap {

    /** Kilometres per degree of latitude (and of longitude at the equator). */
    private static final double KM_PER_DEGREE = 111.32;
    /** Streets are not straight lines: a road trip is on average this much longer than the crow flies. */
    public static final double ROAD_DETOUR_FACTOR = 1.35;

    private final double sizeKm;
    private final double zoneKm;
    private final int zonesPerSide;
    private final double centerLat;
    private final double centerLon;
    private final double kmPerDegreeLon;

    public CityMap(double sizeKm, double zoneKm, double centerLat, double centerLon) {
        this.sizeKm = sizeKm;
        this.zoneKm = zoneKm;
        this.zonesPerSide = Math.max(1, (int) Math.ceil(sizeKm / zoneKm));
        this.centerLat = centerLat;
        this.centerLon = centerLon;
        this.kmPerDegreeLon = KM_PER_DEGREE * Math.cos(Math.toRadians(centerLat));
    }

    public double sizeKm() {
        return sizeKm;
    }

    public double lat(double y) {
        return centerLat + (y - sizeKm / 2) / KM_PER_DEGREE;
    }

    public double lon(double x) {
        return centerLon + (x - sizeKm / 2) / kmPerDegreeLon;
    }

    /** Keeps a coordinate inside the city. */
    public double clamp(double km) {
        return Math.max(0, Math.min(sizeKm, km));
    }

    public static double distanceKm(double x1, double y1, double x2, double y2) {
        double dx = x1 - x2;
        double dy = y1 - y2;
        return Math.sqrt(dx * dx + dy * dy);
    }

    public int zoneCount() {
        return zonesPerSide * zonesPerSide;
    }

    /** Zones are numbered row by row from the south-west: {@code z00}, {@code z01}, … */
    public int zoneIndex(double x, double y) {
        int col = Math.min(zonesPerSide - 1, (int) (x / zoneKm));
        int row = Math.min(zonesPerSide - 1, (int) (y / zoneKm));
        return row * zonesPerSide + col;
    }

    public static String zoneId(int zoneIndex) {
        return zoneIndex < 10 ? "z0" + zoneIndex : "z" + zoneIndex;
    }
}
