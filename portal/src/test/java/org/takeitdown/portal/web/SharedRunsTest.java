package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedRunsTest {
    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void findsARunOfTheFileHiddenInABody() {
        byte[] file = random(100_000, 1);
        byte[] body = random(5_000, 2);
        System.arraycopy(file, 54_321, body, 1_000, 64);
        assertThat(SharedRuns.firstShared(file, List.of(random(10, 3), body), 64)).isEqualTo(54_321);
    }

    @Test
    void reportsNothingWhenOnlyShorterRunsAreShared() {
        byte[] file = random(100_000, 4);
        byte[] body = random(5_000, 5);
        System.arraycopy(file, 777, body, 10, 63);
        assertThat(SharedRuns.firstShared(file, List.of(body), 64)).isEqualTo(-1);
        assertThat(SharedRuns.firstShared(file, List.of(Arrays.copyOf(file, 63)), 64)).isEqualTo(-1);
    }
}
