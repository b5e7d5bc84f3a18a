package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.web.Vectors;

/**
 * What a platform receives of its canaries is distributed like what it receives of real images: real items here
 * are the shared vectors' photos (their MD5, PDQ and quality, as the page would send them), and no field of the
 * feed tells the platform's canaries from them.
 */
@Tag("database")
@QuarkusTest
class CanaryLooksRealTest {
    private static final int PLATFORMS = 4;

    /** The vectors' images the page sends with a PDQ (quality of at least 50), one per PDQ, as case items. */
    private static List<String> vectorImages() throws IOException {
        Map<String, String> byPdq = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Vectors.file("pdq/expected.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f[4].matches("[0-9]+") && Integer.parseInt(f[4]) >= HashRules.PDQ_MIN_QUALITY) {
                byPdq.putIfAbsent(f[3], PlatformFixtures.image(f[10], f[3], Integer.parseInt(f[4])));
            }
        }
        return new ArrayList<>(byPdq.values());
    }

    private static List<Map<String, Object>> feed(String key) {
        List<Map<String, Object>> items = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (more) {
            var page = platform(key).get("/api/platform/v1/hashes?limit=10000&after=" + after).then().statusCode(200)
                    .extract().jsonPath();
            items.addAll(page.getList("items"));
            after = page.getLong("next");
            more = page.getBoolean("hasMore");
        }
        return items;
    }

    private static int bits(Object pdq) {
        return new BigInteger((String) pdq, 16).bitCount();
    }

    /** The fields a platform could sort items by other than their hashes, ids, seqs and dates. */
    private static String shape(Map<String, Object> item) {
        return item.get("kind") + "/" + item.get("status") + "/md5 " + (item.get("md5") != null) + "/pdq "
                + (item.get("pdq") != null) + "/vpdq " + item.get("vpdqFrames");
    }

    @Test
    void canariesOfSeveralPlatformsHaveTheQualityBitCountAndShapeOfRealPhotos() throws IOException {
        List<String> photos = vectorImages();
        // Other tests in the same database submit these vectors too, some with other qualities: only this
        // test's items, those after the last item before it, are the "real" ones compared with.
        long before = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>findAll(Sort.descending("id"))
                .firstResultOptional().map(i -> i.id).orElse(0L));
        PlatformFixtures.newCase(photos.toArray(String[]::new));
        Set<String> photoPdqs = photos.stream().map(p -> p.replaceAll(".*\"pdq\":\"([0-9a-f]{64})\".*", "$1"))
                .collect(Collectors.toSet());
        List<String> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < PLATFORMS; n++) {
            String name = "Canary looks real " + n + " " + System.nanoTime();
            keys.add(newPlatformKey(name));
            ids.add(QuarkusTransaction.requiringNew().call(() -> Platform.<Platform>find("name", name).firstResult().id));
        }
        PlatformFixtures.makeScheduledCanaries();

        List<Map<String, Object>> canaries = new ArrayList<>();
        List<Map<String, Object>> real = new ArrayList<>();
        for (int n = 0; n < PLATFORMS; n++) {
            long platformId = ids.get(n);
            Set<Long> own = QuarkusTransaction.requiringNew().call(() -> Canary.<Canary>list("platformId", platformId)
                    .stream().map(c -> c.id).collect(Collectors.toSet()));
            List<Map<String, Object>> feed = feed(keys.get(n));
            Function<Map<String, Object>, Long> id = i -> ((Number) i.get("id")).longValue();
            List<Map<String, Object>> received = feed.stream().filter(i -> own.contains(id.apply(i))).toList();
            assertThat(received).as("platform %d's canaries in its feed", n).hasSize(CanaryService.PER_PLATFORM);
            canaries.addAll(received);
            real.addAll(feed.stream().filter(i -> id.apply(i) > before && photoPdqs.contains(i.get("pdq"))).toList());
        }
        assertThat(real).as("the photos, once per platform").hasSize(PLATFORMS * photos.size());

        Set<Object> realQualities = real.stream().map(i -> i.get("pdqQuality")).collect(Collectors.toSet());
        assertThat(realQualities).as("what real photos score").containsExactly(CanaryService.QUALITY);
        assertThat(canaries).extracting(i -> i.get("pdqQuality")).as("so a filter on quality keeps every canary")
                .allMatch(realQualities::contains);

        Set<Integer> realBits = real.stream().map(i -> bits(i.get("pdq"))).collect(Collectors.toSet());
        assertThat(canaries).extracting(i -> bits(i.get("pdq"))).as("set bits, as real photos' PDQs")
                .allMatch(realBits::contains);

        Set<String> realShapes = real.stream().map(CanaryLooksRealTest::shape).collect(Collectors.toSet());
        assertThat(canaries).extracting(CanaryLooksRealTest::shape).as("kind, status and hashes present, as photos")
                .allMatch(realShapes::contains);
    }
}
