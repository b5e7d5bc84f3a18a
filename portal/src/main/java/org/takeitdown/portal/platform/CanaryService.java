package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.cases.DegenerateHashes;
import org.takeitdown.portal.cases.ItemsChanged;
import org.takeitdown.portal.platform.index.PdqWords;

/**
 * Leak tracing: each platform with list access gets {@link #PER_PLATFORM} canaries of its own, mixed into
 * its feed, export and exchange, matched by its own match queries, and in no one else's answers. A list
 * found elsewhere names the platforms whose canaries it holds ({@link #leakedBy}). Each canary is made at a
 * moment drawn at random when the key is created ({@link #schedule}), so its id, seq and day are those of the
 * items created around it. It cannot name a platform that removed its canaries first, e.g. by comparing its
 * copy with another platform's, nor one that leaked only items older than its key.
 */
@ApplicationScoped
public class CanaryService {
    private static final Logger LOG = Logger.getLogger(CanaryService.class);
    /** Canaries per platform: enough to survive a few being dropped, few enough to cost nothing. */
    static final int PER_PLATFORM = 3;
    /**
     * Due slots one run of {@link #makeDue} handles at most, the oldest first: each costs a few generated
     * images and a transaction, so a run stays short however many keys were created at once; the rest wait for
     * the next run ({@link PlatformConfig#canaryInterval()}), e.g. 1,000 keys created at once take 60 runs.
     */
    static final int PER_RUN = 50;
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
    private final PlatformConfig config;
    private final Event<ItemsChanged> changed;
    /** Each platform's canaries as read in a {@link #generation}; an entry of an older generation is read again. */
    private final Map<Long, Own> own = new ConcurrentHashMap<>();
    /** Moves on when this instance made canaries or saw another instance's sequenced ({@link #refresh}). */
    private final AtomicLong generation = new AtomicLong();
    /** The highest canary seq {@link #refresh} saw. */
    private volatile long seenSeq = -1;

    private record Own(long generation, List<CanaryRecord> canaries) {
    }

    public CanaryService(MatchIndexes indexes, PlatformStore store, PlatformConfig config,
                         Event<ItemsChanged> changed) {
        this.indexes = indexes;
        this.store = store;
        this.config = config;
        this.changed = changed;
    }

    /**
     * Draws when the new platform's canaries are to be made, in the caller's transaction (the one creating the
     * platform, so a platform never lacks its schedule): the first within {@link PlatformConfig#canaryFirstWithin()}
     * of {@code created}, the others within {@link PlatformConfig#canaryAllWithin()}, never at {@code created}.
     */
    void schedule(long platformId, Instant created) {
        List<PlatformStore.CanarySlot> slots = new ArrayList<>();
        for (int slot = 0; slot < PER_PLATFORM; slot++) {
            Duration window = slot == 0 ? config.canaryFirstWithin() : config.canaryAllWithin();
            long after = 1 + SEEDS.nextLong(Math.max(1, window.toMillis()));
            slots.add(new PlatformStore.CanarySlot(platformId, slot, created.toEpochMilli() + after));
        }
        store.insertCanarySlots(slots);
    }

    /**
     * Makes the canaries due at or before {@code now}: at most {@link #PER_RUN} slots, the oldest first, each in a
     * transaction of its own; returns how many slots it read (fewer than {@link #PER_RUN}: none are left due).
     * A slot that fails stays, to be tried at the next run.
     */
    int makeDue(Instant now) {
        List<PlatformStore.CanarySlot> due = QuarkusTransaction.requiringNew().call(
                () -> store.dueCanarySlots(now.toEpochMilli(), PER_RUN));
        int made = 0;
        for (PlatformStore.CanarySlot slot : due) {
            try {
                if (make(slot, now)) {
                    made++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("A canary of platform %d could not be made and will be tried again: %s", slot.platformId(),
                        e.getClass().getSimpleName());
            }
        }
        if (made > 0) {
            generation.incrementAndGet();
            changed.fire(new ItemsChanged());
        }
        return due.size();
    }

    /**
     * Makes one slot's canary, under the platform's row lock, in the transaction that deletes the slot: false
     * when another transaction took the slot first, or the platform is revoked, has no list access or has its
     * canaries already (the slot is then deleted and nothing made).
     */
    private boolean make(PlatformStore.CanarySlot slot, Instant now) {
        long platformId = slot.platformId();
        return QuarkusTransaction.requiringNew().call(() -> {
            store.lock(platformId);
            if (!store.deleteCanarySlot(platformId, slot.slot())) {
                return false;
            }
            PlatformRecord p = store.find(platformId).orElseThrow();
            if (p.revoked() || Scope.parse(p.scope()) != Scope.FULL
                    || store.canariesOf(platformId).size() >= PER_PLATFORM) {
                return false;
            }
            List<PdqHash> taken = store.allCanaryPdqs().stream().map(PdqHash::fromHex).toList();
            Random random = new Random(SEEDS.nextLong());
            for (int tries = 0; tries < MAX_TRIES; tries++) {
                CanaryImages.Hashed h = CanaryImages.generate(random);
                if (fits(h, taken)) {
                    store.insertCanaries(platformId, List.of(new PlatformStore.NewCanary(h.md5(), h.pdq(), h.quality(),
                            LocalDate.ofInstant(now, ZoneOffset.UTC))));
                    return true;
                }
            }
            throw new IllegalStateException("no canary image far enough from every hash after " + MAX_TRIES + " tries");
        });
    }

    /**
     * Reads each platform's canaries afresh from now on if any instance's new canaries were sequenced since the
     * last call: this instance's own cache holds them until then.
     */
    void refresh() {
        long max = QuarkusTransaction.requiringNew().call(store::maxCanarySeq);
        if (max != seenSeq) {
            seenSeq = max;
            generation.incrementAndGet();
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
        long g = generation.get();
        Own cached = own.get(platformId);
        if (cached != null && cached.generation() == g) {
            return cached.canaries();
        }
        List<CanaryRecord> read = QuarkusTransaction.requiringNew().call(() -> store.canariesOf(platformId));
        own.put(platformId, new Own(g, read));
        return read;
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
                out.add(new PlatformApi.Leak(p.id(), p.name(), e.getValue(), store.canariesOf(p.id()).size()));
            }
            return out;
        });
    }
}
