package org.takeitdown.portal.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.takeitdown.hasher.hex.Hex;
import org.takeitdown.hasher.hex.HexFormatException;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;
import org.takeitdown.portal.web.ApiProblemException;

/** Validation and normalisation of submitted items; every problem says which item and what. */
public final class ItemRules {
    /** Items one request may carry (the hashing page splits larger submissions). */
    public static final int MAX_PER_REQUEST = 100;
    static final int MAX_PER_CASE = 1000;
    private static final Set<String> KINDS = Set.of("image", "video", "other");

    private ItemRules() {
    }

    /** Checked, lowercased items, each MD5 once (first occurrence kept). */
    static List<NewItem> normalize(CaseApi.ItemsRequest request) {
        if (request == null || request.items() == null) {
            throw ApiProblemException.badRequest("The body needs \"items\": a list of 1 to 100 items.");
        }
        List<CaseApi.Item> items = request.items();
        if (items.isEmpty() || items.size() > MAX_PER_REQUEST) {
            throw ApiProblemException.badRequest("\"items\" must hold 1 to " + MAX_PER_REQUEST
                    + " items; it holds " + items.size() + ".");
        }
        Map<String, NewItem> byMd5 = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            NewItem item = check(items.get(i), i);
            byMd5.putIfAbsent(item.md5(), item);
        }
        return new ArrayList<>(byMd5.values());
    }

    private static NewItem check(CaseApi.Item item, int index) {
        String where = "items[" + index + "]";
        if (item == null) {
            throw ApiProblemException.badRequest(where + " is null.");
        }
        if (item.kind() == null || !KINDS.contains(item.kind())) {
            throw ApiProblemException.badRequest(where + ".kind must be \"image\", \"video\" or \"other\".");
        }
        try {
            String md5 = Hex.normalize(item.md5(), Hex.MD5_DIGITS, where + ".md5");
            if ((item.pdq() == null) != (item.pdqQuality() == null)) {
                throw ApiProblemException.badRequest(where + ": pdq and pdqQuality must both be set or both be null.");
            }
            String pdq = item.pdq() == null ? null : Hex.normalize(item.pdq(), Hex.PDQ_DIGITS, where + ".pdq");
            if (item.pdqQuality() != null && (item.pdqQuality() < 0 || item.pdqQuality() > 100)) {
                throw ApiProblemException.badRequest(where + ".pdqQuality must be 0 to 100.");
            }
            refuseDegenerate(index, where, md5, pdq);
            List<VpdqFrame> frames = null;
            if (item.vpdq() != null) {
                if (!"video".equals(item.kind())) {
                    throw ApiProblemException.badRequest(where + ".vpdq is only for items of kind \"video\".");
                }
                frames = VpdqRules.check(item.vpdq(), where + ".vpdq");
            }
            return new NewItem(item.kind(), md5, pdq, item.pdqQuality(), frames);
        } catch (HexFormatException e) {
            throw ApiProblemException.badRequest(e.getMessage() + ".");
        }
    }

    /** Refuses hashes that can't be of a picture or video ({@link DegenerateHashes}), naming the item. */
    private static void refuseDegenerate(int index, String where, String md5, String pdq) {
        String file = DegenerateHashes.md5Refusal(md5);
        if (file != null) {
            throw ApiProblemException.badItem(index, where + ".md5 is the MD5 of " + file
                    + ", not of a picture or video; it would match unrelated files everywhere. Leave this file out.");
        }
        String why = pdq == null ? null : DegenerateHashes.pdqRefusal(pdq);
        if (why != null) {
            throw ApiProblemException.badItem(index, where + ".pdq can't be the PDQ of a real picture: " + why
                    + ". Leave this file out.");
        }
    }

    /** A stable text of the normalised items, for comparing idempotent requests. */
    static String canonical(List<NewItem> items) {
        StringBuilder b = new StringBuilder();
        for (NewItem i : items) {
            b.append(i.kind()).append(',').append(i.md5()).append(',').append(i.pdq()).append(',')
                    .append(i.pdqQuality());
            if (i.vpdq() != null) {
                b.append(",vpdq:").append(VpdqText.format(i.vpdq()).replace('\n', '|'));
            }
            b.append(';');
        }
        return b.toString();
    }
}
