package org.takeitdown.portal.cases;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.takeitdown.hasher.vpdq.VpdqFrame;

/** JSON bodies of the anonymous case API. */
public final class CaseApi {
    private CaseApi() {
    }

    @Schema(description = "One file's hashes. Hex in either case; stored lowercase.")
    public record Item(
            @Schema(enumeration = {"image", "video", "other"}) String kind,
            @Schema(description = "32 hex digits", example = "d35c785545392755e7e4164457657269") String md5,
            @Schema(description = "64 hex digits, or null", nullable = true) String pdq,
            @Schema(description = "0..100, set exactly when pdq is set", nullable = true) Integer pdqQuality,
            @Schema(description = "Video items only: vPDQ, 1 to 3,600 frames in time order (one a second). "
                    + "A request carrying frames may be up to 1 MiB; others up to 256 KiB. Frames whose "
                    + "hash repeats an earlier frame's exactly are dropped.", nullable = true)
            List<Frame> vpdq) {
        /** An item without vPDQ frames. */
        public Item(String kind, String md5, String pdq, Integer pdqQuality) {
            this(kind, md5, pdq, pdqQuality, null);
        }
    }

    @Schema(description = "One vPDQ frame: the PDQ hash of the first frame at or after a whole second.")
    public record Frame(
            @Schema(description = "Presentation time in seconds, >= 0") Double t,
            @Schema(description = "64 hex digits") String pdq,
            @Schema(description = "PDQ quality, 0..100") Integer q) {
        /** A hasher frame in the API's form. */
        public static Frame of(VpdqFrame f) {
            return new Frame(f.timestampSeconds(), f.hash().toHex(), f.quality());
        }
    }

    @Schema(description = "1 to 100 items")
    public record ItemsRequest(List<Item> items) implements org.takeitdown.portal.web.LargeBody {
        @Override
        public boolean carriesFrames() {
            return items != null && items.stream().anyMatch(i -> i != null && i.vpdq() != null && !i.vpdq().isEmpty());
        }
    }

    @Schema(description = "A new case. The case key is shown once: only its HMAC is stored.")
    public record Created(String caseNumber, String caseKey, String status, int items) {
    }

    @Schema(description = "Platform feedback on this case's hashes, in aggregate only.")
    public record MatchReports(long pendingReview, long blocked, long notBlocked) {
    }

    @Schema(description = "A case's status.")
    public record View(String caseNumber, String status, long items, MatchReports matchReports) {
    }

    @Schema(description = "A case's status after an addition, and what the addition did. The case keeps each MD5 once, "
            + "so an item whose MD5 it already held adds nothing; repeating an addition is safe.")
    public record Addition(String caseNumber, String status, long items, MatchReports matchReports,
                           @Schema(description = "Distinct MD5s of this request that were new to the case and stored")
                           int added,
                           @Schema(description = "Distinct MD5s of this request the case already held: nothing to do")
                           int alreadyInCase) {
        /** The case's status with the counts of one addition. */
        static Addition of(View view, int added, int alreadyInCase) {
            return new Addition(view.caseNumber(), view.status(), view.items(), view.matchReports(), added, alreadyInCase);
        }
    }
}
