package dev.forkcast.simulator.city;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which restaurants deliver to a place, and a popularity-weighted pick among them. The city is cut
 * into 1 km cells; each cell knows the restaurants within the delivery radius of its centre, with a
 * running sum of their popularity so a pick is one binary search.
 */
public final class NearbyRestaurants {

    private static final double CELL_KM = 1.0;

    private final int cellsPerSide;
    private final int[][] restaurantsByCell;
    private final double[][] cumulativePopularityByCell;

    public NearbyRestaurants(CityMap map, Restaurant[] restaurants, double radiusKm) {
        cellsPerSide = Math.max(1, (int) Math.ceil(map.sizeKm() / CELL_KM));
        restaurantsByCell = new int[cellsPerSide * cellsPerSide][];
        cumulativePopularityByCell = new double[cellsPerSide * cellsPerSide][];
        for (int row = 0; row < cellsPerSide; row++) {
            for (int col = 0; col < cellsPerSide; col++) {
                double cx = (col + 0.5) * CELL_KM;
                double cy = (row + 0.5) * CELL_KM;
                List<Restaurant> near = new ArrayList<>();
                for (Restaurant r : restaurants) {
                    if (CityMap.distanceKm(cx, cy, r.x, r.y) <= radiusKm) {
                        near.add(r);
                    }
                }
                int cell = row * cellsPerSide + col;
                restaurantsByCell[cell] = new int[near.size()];
                cumulativePopularityByCell[cell] = new double[near.size()];
                double sum = 0;
                for (int i = 0; i < near.size(); i++) {
                    sum += near.get(i).popularity;
                    restaurantsByCell[cell][i] = near.get(i).index;
                    cumulativePopularityByCell[cell][i] = sum;
                }
            }
        }
    }

    /** A restaurant delivering to (x, y), picked by popularity; -1 when none delivers there. */
    public int pick(double x, double y, RandomGenerator rng) {
        int cell = cellOf(x, y);
        double[] cumulative = cumulativePopularityByCell[cell];
        if (cumulative.length == 0) {
            return -1;
        }
        double target = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, target);
        int slot = i >= 0 ? i : -i - 1;
        return restaurantsByCell[cell][Math.min(slot, cumulative.length - 1)];
    }

    /** Whether restaurant {@code index} delivers to (x, y). */
    public boolean delivers(int index, double x, double y) {
        for (int r : restaurantsByCell[cellOf(x, y)]) {
            if (r == index) {
                return true;
            }
        }
        return false;
    }

    private int cellOf(double x, double y) {
        int col = Math.min(cellsPerSide - 1, Math.max(0, (int) (x / CELL_KM)));
        int row = Math.min(cellsPerSide - 1, Math.max(0, (int) (y / CELL_KM)));
        return row * cellsPerSide + col;
    }
}
