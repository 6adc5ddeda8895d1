package org.mtrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {

    @Test
    void anExactPowerLawIsRecoveredWithADegenerateInterval() {
        List<PowerLawFit.Point> points = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (double x : new double[] {10, 20, 40, 80, 160}) {
                points.add(new PowerLawFit.Point(seed, x, 7 * Math.pow(x, 0.8)));
            }
        }
        PowerLawFit fit = PowerLawFit.of(points);
        assertEquals(0.8, fit.exponent(), 1e-12);
        assertEquals(7, fit.prefactor(), 1e-9);
        assertEquals(0.8, fit.low(), 1e-12);
        assertEquals(0.8, fit.high(), 1e-12);
        assertEquals(15, fit.points());
    }

    @Test
    void theSlopeIsTheLeastSquaresLineOfALogLogPlainLoop() {
        double[][] xy = {{8, 30}, {16, 41}, {32, 90}, {64, 170}, {128, 260}};
        List<PowerLawFit.Point> points = new ArrayList<>();
        for (int i = 0; i < xy.length; i++) {
            points.add(new PowerLawFit.Point(i % 2, xy[i][0], xy[i][1]));
        }
        // slope = sum (lx - mean)(ly - mean) / sum (lx - mean)^2, by hand
        double mx = 0;
        double my = 0;
        for (double[] p : xy) {
            mx += Math.log(p[0]) / xy.length;
            my += Math.log(p[1]) / xy.length;
        }
        double num = 0;
        double den = 0;
        for (double[] p : xy) {
            num += (Math.log(p[0]) - mx) * (Math.log(p[1]) - my);
            den += (Math.log(p[0]) - mx) * (Math.log(p[0]) - mx);
        }
        PowerLawFit fit = PowerLawFit.of(points);
        assertEquals(num / den, fit.exponent(), 1e-12);
        assertEquals(Math.exp(my - num / den * mx), fit.prefactor(), 1e-9);
        assertEquals(fit, PowerLawFit.of(points), "a fixed resampling seed: the same interval every time");
    }

    /** Over 200 noisy data sets, the 95% interval holds the true exponent in most of them. */
    @Test
    void theBootstrapIntervalCoversTheTrueExponentMostOfTheTime() {
        SplittableRandom random = new SplittableRandom(3);
        int covered = 0;
        int sets = 200;
        for (int set = 0; set < sets; set++) {
            List<PowerLawFit.Point> points = new ArrayList<>();
            for (long seed = 1; seed <= 8; seed++) {
                for (double x : new double[] {10, 20, 40, 80, 160}) {
                    points.add(new PowerLawFit.Point(seed, x, 5 * Math.pow(x, 0.5) * Math.exp(0.2 * random.nextGaussian())));
                }
            }
            PowerLawFit fit = PowerLawFit.of(points);
            assertTrue(fit.low() <= fit.exponent() && fit.exponent() <= fit.high(), fit.toString());
            if (fit.low() <= 0.5 && 0.5 <= fit.high()) {
                covered++;
            }
        }
        assertTrue(covered >= 0.85 * sets, covered + " of " + sets);
    }

    @Test
    void fewerThanTwoDistinctXGiveNoFitAndOneSeedNoInterval() {
        PowerLawFit none = PowerLawFit.of(List.of(new PowerLawFit.Point(1, 10, 5), new PowerLawFit.Point(2, 10, 6)));
        assertTrue(Double.isNaN(none.exponent()));
        PowerLawFit oneSeed = PowerLawFit.of(List.of(new PowerLawFit.Point(1, 10, 5), new PowerLawFit.Point(1, 20, 10)));
        assertEquals(1, oneSeed.exponent(), 1e-12);
        assertTrue(Double.isNaN(oneSeed.low()) && Double.isNaN(oneSeed.high()));
    }
}
