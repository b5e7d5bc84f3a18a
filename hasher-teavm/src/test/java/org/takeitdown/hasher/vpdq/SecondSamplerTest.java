package org.takeitdown.hasher.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondSamplerTest {
    private static List<Integer> chosen(double... timestamps) {
        SecondSampler s = new SecondSampler();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            if (s.take(timestamps[i])) {
                out.add(i);
            }
        }
        return out;
    }

    private static double[] steps(int count, double step, double start) {
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    @Test
    void takesTheFrameOnEachWholeSecondAtThirtyFramesASecond() {
        assertThat(chosen(steps(95, 1.0 / 30, 0))).containsExactly(0, 30, 60, 90);
    }

    @Test
    void takesTheFirstFrameAfterTheSecondWhenNoneFallsOnIt() {
        assertThat(chosen(steps(100, 1001.0 / 30000, 0))).containsExactly(0, 30, 60, 90);
        assertThat(chosen(steps(10, 0.4, 0))).containsExactly(0, 3, 5, 8);
    }

    @Test
    void aLateFirstFrameStandsForSecondZero() {
        assertThat(chosen(steps(10, 0.25, 0.5))).containsExactly(0, 2, 6);
    }

    @Test
    void aFrameAfterAGapIsTakenOnce() {
        assertThat(chosen(0, 0.5, 3.2, 3.4, 4.0, 4.5)).containsExactly(0, 2, 4);
    }

    @Test
    void framesWithoutATimestampAreSkipped() {
        assertThat(chosen(Double.NaN, 0.2, Double.NaN, 1.0)).containsExactly(1, 3);
    }
}
