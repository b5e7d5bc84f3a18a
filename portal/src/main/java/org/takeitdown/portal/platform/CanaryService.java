package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.cases.DegenerateHashes;
import org.takeitdown.portal.cases.ItemsChanged;
import org.takeitdown.portal.platform.index.PdqWords;

/**
 * Leak tracing: each platform with list access gets {@link #PER_PLATFORM} canaries of its own, mixed into
 * its feed, export and exchange, matched by its own match queries, and in no one else's answers. A list
 * found elsewhere names the platforms whose canaries it holds ({@link #leakedBy}). It cannot name a
 * platform that removed its canaries first, e.g. by comparing its copy with another platform's.
 */
@ApplicationScoped
public class CanaryService {
    /** Canaries per platform: enough to survive a few being dropped, few enough to cost nothing. */
    static final int PER_PLATFORM = 3;
    /** Bits a canary's PDQ differs by at least from every real hash and every other canary (a quarter of 256). */
    static final int MIN_DISTANCE = 64;
    /**
     * PDQ quality of every canary: what real photos score, so that dropping items by quality drops real ones
     * with the canaries. 100 is the metric's cap (hasher {@code Quality}); in the shared test vectors
     * ({@code pdq/expected.tsv}) the 41 images that score 50 or more all score 100 (the other 3 score 0 to 4,
     * and the page sends those without a PDQ).
     */
    static final int QUALITY = 100;
    /**
     * Set bits of every canary's PDQ: what real images give. PDQ sets a bit per DCT coefficient above their
     * median, 128 of 256 when the coefficients differ; every hash in the shared test vectors sets 128.
     */
    static final int BITS = 128;
    private static final int MAX_TRIES = 200;
    private static final Pattern HEX = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{64}|[0-9a-fA-F]{32})(?![0-9a-fA-F])");
    private static final SecureRandom SEEDS = new SecureRandom();

    private final MatchIndexes indexes;
    private final PlatformStore store;
    private final Event<ItemsChanged> changed;
    /** Each platform's canaries once made (they never change but for their seq, which matching does not use). */
    private final Map<Long, List<CanaryRecord>> own = new ConcurrentHashMap<>();

    public CanaryService(MatchIndexes indexes, PlatformStore store, Event<ItemsChanged> changed) {
        this.indexes = indexes;
        this.store = store;
        this.changed = changed;
    }

    /** Makes the platform's canaries if it has fewer than {@link #PER_PLATFORM}; they are sequenced soon after. */
    public void ensure(long platformId) {
        if (own.containsKey(platformId)) {
            return;
        }
        boolean made = QuarkusTransaction.requiringNew().call(() -> {
            store.lock(platformId);
            List<CanaryRecord> have = store.canariesOf(platformId);
            if (have.size() >= PER_PLATFORM) {
                return false;
            }
            List<PdqHash> taken = new ArrayList<>(store.allCanaryPdqs().stream().map(PdqHash::fromHex).toList());
            List<PlatformStore.NewCanary> fresh = new ArrayList<>();
            Random random = new Random(SEEDS.nextLong());
            for (int n = have.size(), tries = 0; n < PER_PLATFORM; tries++) {
                if (tries == MAX_TRIES) {
                    throw new IllegalStateException("no canary image far enough from every hash after " + MAX_TRIES + " tries");
                }
                CanaryImages.Hashed h = CanaryImages.generate(random);
                if (fits(h, taken)) {
                    fresh.add(new PlatformStore.NewCanary(h.md5(), h.pdq(), h.quality(), LocalDate.now(ZoneOffset.UTC)));
                    taken.add(PdqHash.fromHex(h.pdq()));
                    n++;
                }
            }
            store.insertCanaries(platformId, fresh);
            return true;
        });
        own.put(platformId, QuarkusTransaction.requiringNew().call(() -> store.canariesOf(platformId)));
        if (made) {
            changed.fire(new ItemsChanged());
        }
    }

    private boolean fits(CanaryImages.Hashed h, List<PdqHash> taken) {
        PdqHash hash = PdqHash.fromHex(h.pdq());
        if (h.quality() != QUALITY || bits(hash) != BITS || DegenerateHashes.pdqRefusal(h.pdq()) != null) {
            return false;
        }
        if (taken.stream().anyMatch(t -> t.distance(hash) < MIN_DISTANCE)) {
            return false;
        }
        return indexes.index().query(PdqWords.parse(h.pdq()), MIN_DISTANCE - 1, 1).matches().isEmpty();
    }

    private static int bits(PdqHash hash) {
        int bits = 0;
        for (int w : hash.words()) {
            bits += Integer.bitCount(w);
        }
        return bits;
    }

    /** The platform's canaries whose PDQ is within {@code maxDistance} of {@code pdq} (its own only). */
    List<PlatformApi.Match> matchPdq(long platformId, String pdq, int maxDistance) {
        PdqHash q = PdqHash.fromHex(pdq);
        return ownCanaries(platformId).stream().filter(c -> q.distance(PdqHash.fromHex(c.pdq())) <= maxDistance)
                .map(c -> new PlatformApi.Match(c.id(), q.distance(PdqHash.fromHex(c.pdq())))).toList();
    }

    /** The ids of the platform's canaries with this MD5. */
    List<Long> matchMd5(long platformId, String md5) {
        return ownCanaries(platformId).stream().filter(c -> c.md5().equals(md5)).map(CanaryRecord::id).toList();
    }

    /** Whether {@code id} is one of the platform's canaries. */
    boolean owns(long platformId, long id) {
        return ownCanaries(platformId).stream().anyMatch(c -> c.id() == id);
    }

    /** The platform's canary with this exchange hash (PDQ, lowercase). */
    Optional<CanaryRecord> ownByPdq(long platformId, String pdq) {
        return ownCanaries(platformId).stream().filter(c -> c.pdq().equals(pdq)).findFirst();
    }

    private List<CanaryRecord> ownCanaries(long platformId) {
        return own.getOrDefault(platformId, List.of());
    }

    /** Every 32- or 64-hex-digit hash in {@code text}, lowercase. */
    static Collection<String> hashesIn(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        Matcher m = HEX.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Platforms (by name, with the count of their canaries found) whose canaries appear in {@code text}. */
    public List<PlatformApi.Leak> leakedBy(String text) {
        Collection<String> hashes = hashesIn(text);
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Integer> found = new LinkedHashMap<>();
            for (CanaryRecord c : store.canariesWithHashes(hashes)) {
                found.merge(c.platformId(), 1, Integer::sum);
            }
            List<PlatformApi.Leak> out = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : found.entrySet()) {
                PlatformRecord p = store.find(e.getKey()).orElseThrow();
                out.add(new PlatformApi.Leak(p.id(), p.name(), e.getValue(), PER_PLATFORM));
            }
            return out;
        });
    }
}
