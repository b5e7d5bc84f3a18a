package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.Secrets;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.WrongCredentials;

/** Platforms and their API keys (stored as HMACs), key checks, and admin removal of items. */
@ApplicationScoped
public class PlatformService {
    static final String KEY_PURPOSE = "platform-key";
    private static final String KEY_PREFIX = "tid_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Secrets secrets;
    private final CaseService cases;
    private final CanaryService canaries;
    private final PlatformStore store;

    public PlatformService(Secrets secrets, CaseService cases, CanaryService canaries, PlatformStore store) {
        this.store = store;
        this.canaries = canaries;
        this.secrets = secrets;
        this.cases = cases;
    }

    private static String newKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * A new platform and its key; 400 for a name that is empty after trimming, over {@value #NAME_MAX}
     * characters, or holding a character {@link DisplayText} refuses (its public pages show the name). A platform
     * with list access gets its canaries' schedule in the same transaction ({@link CanaryService#schedule}).
     */
    public PlatformApi.PlatformKey create(PlatformApi.NewPlatform request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw ApiProblemException.badRequest("name must be 1 to " + NAME_MAX
                    + " characters, spaces at either end not counted; it has " + name.length() + ".");
        }
        DisplayText.refuseHiddenCharacters("name", name);
        Scope scope = Scope.parse(request.scope());
        String key = newKey();
        String hmac = secrets.hmac(KEY_PURPOSE, key);
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            PlatformRecord p = store.create(name, scope.text(), hmac, LocalDate.ofInstant(now, ZoneOffset.UTC));
            if (scope == Scope.FULL) {
                canaries.schedule(p.id(), now);
            }
            return new PlatformApi.PlatformKey(p.id(), p.name(), p.scope(), key);
        });
    }

    public List<PlatformApi.PlatformView> list() {
        return QuarkusTransaction.requiringNew().call(() -> store.listInOrder().stream()
                .map(p -> new PlatformApi.PlatformView(p.id(), p.name(), p.scope(), p.createdOn(), p.revoked(), p.listed(),
                        p.scans())).toList());
    }

    /** A new key for an active platform (the old one stops working); 409 for a revoked platform, which stays revoked. */
    public PlatformApi.PlatformKey rotate(long id) {
        String key = newKey();
        String hmac = secrets.hmac(KEY_PURPOSE, key);
        return QuarkusTransaction.requiringNew().call(() -> {
            store.lock(id);
            PlatformRecord p = find(id);
            if (p.revoked()) {
                throw new PlatformRevoked(id);
            }
            store.setKeyHmac(id, hmac);
            return new PlatformApi.PlatformKey(p.id(), p.name(), p.scope(), key);
        });
    }

    public void revoke(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!store.revoke(id)) {
                throw noSuchPlatform(id);
            }
        });
    }

    private PlatformRecord find(long id) {
        return store.find(id).orElseThrow(() -> noSuchPlatform(id));
    }

    private static NoSuchPlatform noSuchPlatform(long id) {
        return new NoSuchPlatform(id);
    }

    /** Longest platform name. */
    public static final int NAME_MAX = 100;

    /** Longest "what they scan" text shown on the public list. */
    public static final int SCANS_MAX = 200;

    /**
     * Whether a platform appears on the public list, and what it scans (blank: nothing said); 404 for an
     * unknown platform, 400 for a text over {@value #SCANS_MAX} characters or holding a character
     * {@link DisplayText} refuses.
     */
    public void setListing(long id, PlatformApi.Listing listing) {
        if (listing == null || listing.listed() == null) {
            throw ApiProblemException.badRequest("listed (true or false) is required.");
        }
        boolean listed = listing.listed();
        String scans = listing.scans();
        String text = scans == null || scans.isBlank() ? null : scans.strip();
        if (text != null && text.length() > SCANS_MAX) {
            throw ApiProblemException.badRequest(
                    "scans is at most " + SCANS_MAX + " characters; it has " + text.length() + ".");
        }
        if (text != null) {
            DisplayText.refuseHiddenCharacters("scans", text);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!store.setListing(id, listed, text)) {
                throw noSuchPlatform(id);
            }
        });
    }

    /** A platform on the public list: its name and what it scans. */
    public record Listed(String name, String scans) {
    }

    /** The active platforms that chose to be listed publicly, by name. */
    public List<Listed> listedPublicly() {
        return QuarkusTransaction.requiringNew().call(
                () -> store.listedPublicly().stream().map(p -> new Listed(p.name(), p.scans())).toList());
    }

    public long countActive() {
        return QuarkusTransaction.requiringNew().call(store::countActive);
    }

    /** The platform holding this key; {@link WrongCredentials} when it is wrong or revoked. */
    public PlatformRecord authenticateKey(String key) {
        String hmac = secrets.hmac(KEY_PURPOSE, key);
        return QuarkusTransaction.requiringNew().call(() -> store.findActiveByKeyHmac(hmac)).orElseThrow(
                () -> new WrongCredentials("This API key is not valid or has been revoked."));
    }

    /** Removes an item (e.g. a false submission): out of the index, into the feed as removed. */
    public void removeItem(long id, PlatformApi.Removal removal) {
        String reason = removal == null ? null : removal.reason();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiProblemException.badRequest("reason must be 1 to 500 characters.");
        }
        if (!cases.removeItem(id, reason.strip())) {
            throw new NoSuchItem(id);
        }
    }
}
